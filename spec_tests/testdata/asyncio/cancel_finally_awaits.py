# cleanup in finally that itself awaits after a cancellation: other tasks run meanwhile, the task ends cancelled afterwards
import asyncio
async def worker(name, lock_holder):
    try:
        print(name, "working")
        await asyncio.sleep(10)
    finally:
        print(name, "finally: releasing")
        await asyncio.sleep(0.15)
        lock_holder.append(name)
        print(name, "finally: released")
async def bystander():
    for i in range(3):
        await asyncio.sleep(0.1)
        print("bystander", i)
async def main():
    released = []
    w1 = asyncio.ensure_future(worker("w1", released))
    w2 = asyncio.ensure_future(worker("w2", released))
    b = asyncio.ensure_future(bystander())
    await asyncio.sleep(0)
    w1.cancel()
    w2.cancel()
    await asyncio.sleep(0.1)
    print("mid-cleanup:", w1.done(), w2.done(), released)
    for t in (w1, w2):
        try:
            await t
        except asyncio.CancelledError:
            print("cancelled:", t.cancelled())
    print("released:", released)
    await b
asyncio.run(main())
