# a cancelled put() on a full Queue adds nothing and loses no slot: the next putter gets the free slot, also when the woken putter is cancelled before it runs
import asyncio
async def putter(q, item):
    try:
        await q.put(item)
    except asyncio.CancelledError:
        print("put", item, "cancelled; qsize", q.qsize())
        raise
    print("put", item, "done")
async def drain(q):
    items = []
    while not q.empty():
        items.append(q.get_nowait())
    return " ".join(items)
async def main():
    q = asyncio.Queue(1)
    q.put_nowait("a")
    p1 = asyncio.create_task(putter(q, "b"))
    p2 = asyncio.create_task(putter(q, "c"))
    await asyncio.sleep(0)
    p1.cancel()
    await asyncio.sleep(0)
    print("took", q.get_nowait())
    await p2
    print("queue holds:", await drain(q))
    q.put_nowait("d")
    p3 = asyncio.create_task(putter(q, "e"))
    p4 = asyncio.create_task(putter(q, "f"))
    await asyncio.sleep(0)
    print("took", q.get_nowait())
    p3.cancel()
    await asyncio.gather(p3, p4, return_exceptions=True)
    print("queue holds:", await drain(q))
    q.put_nowait("g")
    try:
        await asyncio.wait_for(q.put("h"), 0.01)
    except TimeoutError:
        print("put timed out; queue holds:", await drain(q))
asyncio.run(main())
