# a cancelled lock waiter leaves no trace: cancelling a queued waiter skips it, and cancelling the woken waiter before it runs hands the lock to the next
import asyncio
async def waiter(lock, name):
    try:
        await lock.acquire()
    except asyncio.CancelledError:
        print(name, "cancelled while waiting; lock locked?", lock.locked())
        raise
    print(name, "acquired")
    await asyncio.sleep(0)
    lock.release()
    print(name, "released")
async def main():
    lock = asyncio.Lock()
    await lock.acquire()
    a, b, c = [asyncio.create_task(waiter(lock, n)) for n in "abc"]
    await asyncio.sleep(0)
    b.cancel()
    await asyncio.sleep(0)
    print("-- release with a waiting first")
    lock.release()
    a.cancel()
    await asyncio.gather(a, b, c, return_exceptions=True)
    print("states:", a.cancelled(), b.cancelled(), c.cancelled(), "locked?", lock.locked())
    print("-- a free lock is taken at once")
    print(await lock.acquire(), lock.locked())
    lock.release()
asyncio.run(main())
