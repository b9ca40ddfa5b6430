# pipeline_trace: a producer, a bounded Queue and three workers, made to be looked at in a trace.
import asyncio

JOBS = [("resize", 0.3), ("crop", 0.1), ("upload", 0.4), ("thumb", 0.2), ("tag", 0.1), ("index", 0.3), ("notify", 0.2)]

async def producer(queue):
    for name, cost in JOBS:
        await asyncio.sleep(0.02)
        await queue.put((name, cost))
        print("queued", name)

async def worker(queue, done):
    while True:
        name, cost = await queue.get()
        await asyncio.sleep(cost)
        done.append(name)
        queue.task_done()

async def main():
    queue = asyncio.Queue(maxsize=2)
    done = []
    workers = [asyncio.create_task(worker(queue, done), name="worker-%d" % i) for i in range(3)]
    await asyncio.create_task(producer(queue), name="producer")
    await queue.join()
    for w in workers:
        w.cancel()
    results = await asyncio.gather(return_exceptions=True, *workers)
    print("processed", len(done), "jobs:", ", ".join(sorted(done)))
    print("workers stopped:", len([r for r in results if type(r).__name__ == "CancelledError"]))

asyncio.run(main())
