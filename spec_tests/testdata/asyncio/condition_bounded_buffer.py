# a bounded buffer built on one Condition: the producer waits while it is full, consumers wait while it is empty, notify_all wakes both sides
import asyncio
async def producer(cond, buf, n):
    for i in range(n):
        async with cond:
            await cond.wait_for(lambda: len(buf) < 2)
            buf.append(i)
            print("put", i, "size", len(buf))
            cond.notify_all()
    async with cond:
        await cond.wait_for(lambda: len(buf) < 2)
        buf.append(None)
        buf.append(None)
        cond.notify_all()
async def consumer(cond, buf, name, got):
    while True:
        async with cond:
            await cond.wait_for(lambda: buf)
            item = buf.pop(0)
            cond.notify_all()
        if item is None:
            print(name, "stops")
            return
        got.append(item)
        print(name, "took", item)
        await asyncio.sleep(0)
async def main():
    cond = asyncio.Condition()
    buf = []
    got = []
    await asyncio.gather(producer(cond, buf, 6), consumer(cond, buf, "c1", got), consumer(cond, buf, "c2", got))
    print("consumed", sorted(got), "buffer left", len(buf))
asyncio.run(main())
