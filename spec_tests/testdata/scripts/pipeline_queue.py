# pipeline_queue: a producer feeds a bounded Queue, three workers drain it, then shut down cleanly.
import asyncio

JOBS = [("resize", 3), ("crop", 1), ("upload", 4), ("thumb", 4), ("tag", 4), ("index", 5), ("notify", 3)]

async def producer(queue):
    for name, cost in JOBS:
        await queue.put((name, cost))
        print("queued", name, "| size", queue.qsize())

async def worker(wid, queue, done):
    while True:
        name, cost = await queue.get()
        await asyncio.sleep(cost / 100)
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
