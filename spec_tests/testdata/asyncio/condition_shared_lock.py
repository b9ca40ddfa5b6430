# Condition(lock) shares a caller's Lock: holding the lock by itself is enough to notify, and two conditions on one lock exclude each other
import asyncio
async def main():
    lock = asyncio.Lock()
    not_empty = asyncio.Condition(lock)
    not_full = asyncio.Condition(lock)
    print("locked:", lock.locked(), not_empty.locked(), not_full.locked())
    async with lock:
        print("holding the lock:", not_empty.locked(), not_full.locked())
        not_empty.notify()
        print("notify through the shared lock works")
    items = []
    async def take():
        async with not_empty:
            await not_empty.wait_for(lambda: items)
            v = items.pop(0)
            not_full.notify()
            return v
    async def give(v):
        async with not_full:
            await not_full.wait_for(lambda: len(items) < 1)
            items.append(v)
            not_empty.notify()
    r = await asyncio.gather(take(), take(), give("a"), give("b"), take(), give("c"))
    print(r[0], r[1], r[4], "left:", len(items), "locked:", lock.locked())
asyncio.run(main())
