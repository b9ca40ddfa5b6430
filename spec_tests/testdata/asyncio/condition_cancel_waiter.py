# a Condition waiter cancelled while waiting reacquires the lock before CancelledError leaves wait(); notify() skips it; wait_for() timing out does the same
import asyncio
async def waiter(cond, name):
    async with cond:
        try:
            await cond.wait()
            print(name, "notified")
        except asyncio.CancelledError:
            print(name, "cancelled; holds the lock again:", cond.locked())
            raise
async def main():
    cond = asyncio.Condition()
    a = asyncio.create_task(waiter(cond, "a"))
    b = asyncio.create_task(waiter(cond, "b"))
    await asyncio.sleep(0)
    async with cond:
        a.cancel()
        await asyncio.sleep(0)
        print("main still holds the lock; a cannot finish yet:", not a.done())
        cond.notify(1)
    await asyncio.gather(a, b, return_exceptions=True)
    print("a cancelled:", a.cancelled(), "b done:", b.done())
    async with cond:
        try:
            await asyncio.wait_for(cond.wait(), 0.01)
        except TimeoutError:
            print("wait_for timed out; lock held again:", cond.locked())
    print("free at the end:", not cond.locked())
asyncio.run(main())
