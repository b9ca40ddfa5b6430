# wait_for around lock.acquire(): the timed-out acquire does not take the lock; the holder keeps it and the next waiter gets it on release
import asyncio
async def holder(lock, go):
    async with lock:
        print("holder has the lock")
        await go.wait()
        print("holder releases")
async def patient(lock):
    async with lock:
        print("patient got the lock")
async def main():
    lock = asyncio.Lock()
    go = asyncio.Event()
    h = asyncio.create_task(holder(lock, go))
    await asyncio.sleep(0)
    try:
        await asyncio.wait_for(lock.acquire(), 0.01)
    except TimeoutError:
        print("acquire timed out; locked?", lock.locked())
    p = asyncio.create_task(patient(lock))
    go.set()
    await asyncio.gather(h, p)
    print("locked at the end?", lock.locked())
    print("wait_for on a free lock:", await asyncio.wait_for(lock.acquire(), 0.01))
    lock.release()
asyncio.run(main())
