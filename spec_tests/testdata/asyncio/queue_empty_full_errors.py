# QueueEmpty from get_nowait on an empty queue and QueueFull from put_nowait on a full one: Exception subclasses with an empty message; the queue is unchanged
import asyncio
async def main():
    q = asyncio.Queue(1)
    try:
        q.get_nowait()
    except asyncio.QueueEmpty as e:
        print(type(e).__name__, "|" + str(e) + "|", repr(e))
    q.put_nowait(1)
    try:
        q.put_nowait(2)
    except asyncio.QueueFull as e:
        print(type(e).__name__, "|" + str(e) + "|", repr(e))
    print("qsize", q.qsize(), "item", q.get_nowait())
    try:
        q.get_nowait()
    except Exception as e:
        print("caught as Exception:", type(e).__name__)
    print(issubclass(asyncio.QueueEmpty, Exception), issubclass(asyncio.QueueFull, Exception))
    print(issubclass(asyncio.QueueEmpty, asyncio.QueueFull))
    for cls in (asyncio.PriorityQueue, asyncio.LifoQueue):
        p = cls(maxsize=1)
        p.put_nowait(5)
        try:
            p.put_nowait(6)
        except asyncio.QueueFull:
            print(cls.__name__, "full:", p.full())
asyncio.run(main())
