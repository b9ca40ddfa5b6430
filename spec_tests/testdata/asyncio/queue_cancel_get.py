# a cancelled get() loses no item: a waiting getter cancelled leaves the next put for others, and a getter woken by put but cancelled before it ran passes the item on
import asyncio
async def getter(q, name):
    try:
        item = await q.get()
    except asyncio.CancelledError:
        print(name, "cancelled; qsize", q.qsize())
        raise
    print(name, "got", item)
    return item
async def main():
    q = asyncio.Queue()
    g1 = asyncio.create_task(getter(q, "g1"))
    g2 = asyncio.create_task(getter(q, "g2"))
    await asyncio.sleep(0)
    g1.cancel()
    await asyncio.sleep(0)
    q.put_nowait("first")
    await g2
    g3 = asyncio.create_task(getter(q, "g3"))
    g4 = asyncio.create_task(getter(q, "g4"))
    await asyncio.sleep(0)
    q.put_nowait("second")
    g3.cancel()
    await asyncio.gather(g3, g4, return_exceptions=True)
    print("g3 cancelled:", g3.cancelled(), "g4 result:", g4.result(), "qsize", q.qsize())
    try:
        await asyncio.wait_for(q.get(), 0.01)
    except TimeoutError:
        print("get timed out")
    q.put_nowait("third")
    print("nothing lost:", await q.get(), q.qsize())
asyncio.run(main())
