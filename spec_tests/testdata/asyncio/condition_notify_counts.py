# Condition: notify() wakes one waiter, notify(2) two, notify_all() the rest, in FIFO order; each woken waiter reacquires the lock before wait() returns
import asyncio
async def waiter(cond, name):
    async with cond:
        print(name, "waits")
        r = await cond.wait()
        print(name, "woke with the lock held:", cond.locked(), "wait() ->", r)
async def main():
    cond = asyncio.Condition()
    tasks = [asyncio.create_task(waiter(cond, "w%d" % i)) for i in range(5)]
    await asyncio.sleep(0)
    for label, n in [("notify()", 1), ("notify(2)", 2), ("notify_all()", None)]:
        async with cond:
            print("--", label)
            if n is None:
                cond.notify_all()
            elif n == 1:
                cond.notify()
            else:
                cond.notify(n)
        await asyncio.sleep(0.01)
    await asyncio.gather(*tasks)
    async with cond:
        cond.notify(3)
        print("notify with nobody waiting is fine")
asyncio.run(main())
