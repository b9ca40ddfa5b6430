# a task's done callbacks and its awaiters wake in registration order, one loop iteration after the task ends
import asyncio
async def work():
    await asyncio.sleep(0.1)
    print("work returns")
    return "w"
async def waiter(name, t):
    r = await t
    print(name, "resumed with", r)
async def main():
    loop = asyncio.get_running_loop()
    t = asyncio.ensure_future(work())
    t.add_done_callback(lambda f: print("cb1", f.result()))
    w1 = asyncio.ensure_future(waiter("waiter1", t))
    await asyncio.sleep(0)
    t.add_done_callback(lambda f: print("cb2", f.result()))
    w2 = asyncio.ensure_future(waiter("waiter2", t))
    await asyncio.sleep(0)
    t.add_done_callback(lambda f: loop.call_soon(print, "scheduled by cb3"))
    await asyncio.gather(w1, w2)
    t.add_done_callback(lambda f: print("cb4 after done"))
    print("main before yielding")
    await asyncio.sleep(0)
    print("main end")
asyncio.run(main())
