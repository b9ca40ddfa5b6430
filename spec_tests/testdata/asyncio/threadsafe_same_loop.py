# call_soon_threadsafe from the loop's own code joins the call_soon FIFO; run_coroutine_threadsafe
import asyncio
async def add(a, b):
    await asyncio.sleep(0.01)
    return a + b
async def main():
    loop = asyncio.get_running_loop()
    loop.call_soon(print, 1)
    loop.call_soon_threadsafe(print, 2)
    loop.call_soon(print, 3)
    cf = asyncio.run_coroutine_threadsafe(add(2, 3), loop)
    print("done yet?", cf.done())
    await asyncio.sleep(0.05)
    print("done now?", cf.done(), cf.result())
asyncio.run(main())
