# sleep(0) yields exactly one loop iteration, interleaving tasks and callbacks
import asyncio
async def worker(name, n):
    for i in range(n):
        print(name, i)
        await asyncio.sleep(0)
    return name
async def main():
    loop = asyncio.get_running_loop()
    loop.call_soon(print, "callback 1")
    a = asyncio.ensure_future(worker("A", 3))
    b = asyncio.ensure_future(worker("B", 2))
    loop.call_soon(print, "callback 2")
    print("main before gather")
    r = await asyncio.gather(a, b)
    print(r[0], r[1])
asyncio.run(main())
