# Lock fairness: tasks blocked on a held lock get it in the order they asked, one at a time
import asyncio
async def worker(lock, name, log):
    print(name, "wants the lock")
    async with lock:
        log.append(name)
        print(name, "has the lock")
        await asyncio.sleep(0.01)
        print(name, "releases")
async def main():
    lock = asyncio.Lock()
    log = []
    await lock.acquire()
    tasks = [asyncio.create_task(worker(lock, "w%d" % i, log)) for i in range(4)]
    await asyncio.sleep(0)
    print("main releases; waiting tasks queued")
    lock.release()
    await asyncio.gather(*tasks)
    print("order:", " ".join(log), "locked at the end?", lock.locked())
asyncio.run(main())
