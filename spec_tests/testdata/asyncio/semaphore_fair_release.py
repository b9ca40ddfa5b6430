# Semaphore fairness (3.11): a task that releases and re-acquires at once queues behind the waiter it woke; wait_for on acquire() that times out keeps the count
import asyncio
async def looper(sem, name, log):
    for i in range(3):
        async with sem:
            log.append("%s%d" % (name, i))
            await asyncio.sleep(0)
async def main():
    sem = asyncio.Semaphore(1)
    log = []
    await asyncio.gather(looper(sem, "a", log), looper(sem, "b", log), looper(sem, "c", log))
    print(" ".join(log))
    await sem.acquire()
    try:
        await asyncio.wait_for(sem.acquire(), 0.01)
    except TimeoutError:
        print("timed out; still locked:", sem.locked())
    sem.release()
    print("after release: locked?", sem.locked())
    print("acquire twice?", await sem.acquire(), sem.locked())
asyncio.run(main())
