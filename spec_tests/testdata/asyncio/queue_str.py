# queue_str: a queue prints as CPython's str() of it, its items in Python's repr; the types and the coroutines of its methods have CPython's names (the twin drops CPython's " at 0x..." address)
import asyncio
import re
async def main():
    q = asyncio.Queue(2)
    print(q)
    q.put_nowait("a")
    q.put_nowait((1, "b"))
    print(q)
    g = asyncio.Queue()
    gt = asyncio.ensure_future(g.get())
    await asyncio.sleep(0)
    print(g)
    gt.cancel()
    pq = asyncio.PriorityQueue()
    pq.put_nowait(3)
    pq.put_nowait(1)
    print(pq)
    lq = asyncio.LifoQueue(maxsize=-1)
    lq.put_nowait(["x", ("y",)])
    l = []
    l.append(l)
    lq.put_nowait(l)
    print(lq, lq.maxsize)
    coros = [q.put(1), q.get(), q.join()]
    print(type(q).__name__, type(pq).__name__, type(lq).__name__, *(re.sub(r" at 0x[0-9a-f]+", "", repr(c)) for c in coros))
    for c in coros:
        c.close()
    await asyncio.gather(gt, return_exceptions=True)
asyncio.run(main())
