# Queue: FIFO order, qsize/empty/full/maxsize, put_nowait and get_nowait, and an unbounded queue (maxsize 0 or negative) is never full
import asyncio
async def main():
    q = asyncio.Queue(maxsize=3)
    print("maxsize", q.maxsize, "qsize", q.qsize(), "empty", q.empty(), "full", q.full())
    await q.put("a")
    q.put_nowait("b")
    await q.put("c")
    print("qsize", q.qsize(), "empty", q.empty(), "full", q.full())
    print(await q.get(), q.get_nowait(), await q.get())
    print("qsize", q.qsize(), "empty", q.empty())
    for size in (0, -1):
        u = asyncio.Queue(size)
        for i in range(1000):
            u.put_nowait(i)
        print("Queue(%d): maxsize" % size, u.maxsize, "qsize", u.qsize(), "full", u.full())
    d = asyncio.Queue()
    print("default maxsize", d.maxsize)
    await d.put(None)
    print("None is an item:", d.qsize(), await d.get())
asyncio.run(main())
