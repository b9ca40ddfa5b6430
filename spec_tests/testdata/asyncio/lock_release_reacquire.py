# a task that releases the lock and asks again at once queues behind the waiter it woke (3.11's Lock does not let it barge in)
import asyncio
async def greedy(lock, log):
    for i in range(3):
        await lock.acquire()
        log.append("greedy%d" % i)
        await asyncio.sleep(0)
        lock.release()
async def polite(lock, name, log):
    await lock.acquire()
    log.append(name)
    lock.release()
async def main():
    lock = asyncio.Lock()
    log = []
    g = asyncio.create_task(greedy(lock, log))
    p1 = asyncio.create_task(polite(lock, "p1", log))
    p2 = asyncio.create_task(polite(lock, "p2", log))
    await asyncio.gather(g, p1, p2)
    print(" ".join(log))
asyncio.run(main())
