# A producer and two consumers over an asyncio.Queue, all async defs.
import asyncio
from asyncio import Queue


async def producer(q, n):
    for i in range(n):
        await q.put(i)
        print(f"put {i}")
        await asyncio.sleep(0.01)
    for _ in range(2):
        await q.put(None)


async def consumer(name, q, out):
    while True:
        item = await q.get()
        if item is None:
            print(f"{name} stops")
            return
        out.append(f"{name}:{item}")
        await asyncio.sleep(0.025)


async def main():
    q = Queue(maxsize=2)
    out = []
    await asyncio.gather(producer(q, 5), consumer("c1", q, out), consumer("c2", q, out))
    print(sorted(out))


asyncio.run(main())
