# the asyncio docs' worker pattern: N workers take jobs from a Queue, main joins the queue, then cancels the idle workers and gathers them
import asyncio
async def worker(name, q, done):
    while True:
        job = await q.get()
        for _ in range(job):
            await asyncio.sleep(0)
        done.append("%s:%d" % (name, job))
        q.task_done()
async def main():
    q = asyncio.Queue()
    for job in [3, 1, 2, 5, 2, 4]:
        q.put_nowait(job)
    done = []
    workers = [asyncio.create_task(worker("w%d" % i, q, done), name="worker-%d" % i) for i in range(3)]
    await q.join()
    print("all jobs done:", " ".join(done))
    print("workers still running:", len([w for w in workers if not w.done()]))
    for w in workers:
        w.cancel()
    results = await asyncio.gather(return_exceptions=True, *workers)
    print("gathered:", " ".join([type(r).__name__ for r in results]))
    print("cancelled:", all([w.cancelled() for w in workers]), workers[2].get_name())
asyncio.run(main())
