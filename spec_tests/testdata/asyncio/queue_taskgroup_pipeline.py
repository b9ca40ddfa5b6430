# a producer and two consumers in a TaskGroup over a bounded Queue: stop sentinels end the consumers; when a consumer fails, the blocked producer is cancelled
import asyncio
async def producer(q, n, consumers):
    try:
        for i in range(n):
            await q.put(i)
        for _ in range(consumers):
            await q.put(None)
        print("producer done")
    except asyncio.CancelledError:
        print("producer cancelled while blocked; qsize", q.qsize())
        raise
async def consumer(q, name, total, bad=None):
    while True:
        item = await q.get()
        if item is None:
            print(name, "stops")
            return
        if item == bad:
            raise ValueError("%s cannot take %d" % (name, item))
        total[0] += item
        await asyncio.sleep(0.01)
async def run(bad):
    q = asyncio.Queue(2)
    total = [0]
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(producer(q, 8, 2))
            tg.create_task(consumer(q, "c1", total, bad))
            tg.create_task(consumer(q, "c2", total))
        print("total", total[0])
    except ExceptionGroup as eg:
        print("group:", str(eg), "|", str(eg.exceptions[0]))
async def main():
    await run(None)
    await run(4)
asyncio.run(main())
