# backpressure: a producer putting into a full Queue(2) suspends until the slow consumer takes an item; the interleaving shows each wait
import asyncio
async def producer(q):
    for i in range(5):
        print("put", i, "start; full:", q.full())
        await q.put(i)
        print("put", i, "done; qsize", q.qsize())
    await q.put(None)
    print("producer finished")
async def consumer(q):
    while True:
        await asyncio.sleep(0.01)
        item = await q.get()
        print("  got", item)
        if item is None:
            return
async def main():
    q = asyncio.Queue(2)
    await asyncio.gather(producer(q), consumer(q))
asyncio.run(main())
