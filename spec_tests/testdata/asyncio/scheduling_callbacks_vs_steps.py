# the ready queue mixes task steps, call_soon callbacks and done callbacks in FIFO order
import asyncio
async def child(name):
    print("step 1 of", name)
    await asyncio.sleep(0)
    print("step 2 of", name)
    return name
async def main():
    loop = asyncio.get_running_loop()
    loop.call_soon(print, "cb A")
    t1 = asyncio.ensure_future(child("t1"))
    loop.call_soon(print, "cb B")
    t2 = loop.create_task(child("t2"))
    t1.add_done_callback(lambda t: print("done cb of", t.result()))
    loop.call_soon(print, "cb C")
    print("main yields")
    await asyncio.sleep(0)
    print("main step 2")
    loop.call_soon(print, "cb D")
    await asyncio.sleep(0)
    print("main step 3")
    await t2
    print("main got t2")
asyncio.run(main())
