# a Semaphore limiting TaskGroup children: when one fails, running and queued children are cancelled and every permit comes back
import asyncio
async def job(sem, i, cancelled):
    try:
        async with sem:
            print("job", i, "starts")
            await asyncio.sleep({0: 0, 1: 0.05}.get(i, 1))
            if i == 1:
                raise RuntimeError("job 1 broke")
            print("job", i, "done")
    except asyncio.CancelledError:
        cancelled.append(i)
        raise
async def main():
    sem = asyncio.Semaphore(3)
    cancelled = []
    try:
        async with asyncio.TaskGroup() as tg:
            for i in range(6):
                tg.create_task(job(sem, i, cancelled))
    except* RuntimeError as eg:
        print("caught", len(eg.exceptions), "RuntimeError:", str(eg.exceptions[0]))
    print("cancelled:", sorted(cancelled))
    for _ in range(3):
        await sem.acquire()
    print("all three permits back; locked now:", sem.locked())
asyncio.run(main())
