# pipeline_queue: a producer feeds a bounded Queue, three workers drain it, then shut down cleanly.
import asyncio

JOBS = [("resize", 3), ("crop", 1), ("upload", 4), ("thumb", 2), ("tag", 1), ("index", 3), ("notify", 2)]

async def producer(queue):
    for name, cost in JOBS:
        await queue.put((name, cost))
        print("queued", name, "| size", queue.qsize())

async def worker(wid, queue, done):
    while True:
        name, cost = await queue.get()
        for _ in range(cost):
            await asyncio.sleep(0)
        done.append(name)
        print("worker", wid, "finished", name)
        queue.task_done()

async def main():
    queue = asyncio.Queue(maxsize=2)
    done = []
    workers = [asyncio.create_task(worker(i, queue, done)) for i in range(3)]
    await producer(queue)
    await queue.join()
    for w in workers:
        w.cancel()
    results = await asyncio.gather(return_exceptions=True, *workers)
    print("processed", len(done), "jobs; workers stopped:", len([r for r in results if type(r).__name__ == "CancelledError"]))

asyncio.run(main())
