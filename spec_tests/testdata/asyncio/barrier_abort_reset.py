# Barrier.abort() breaks the barrier: waiters get BrokenBarrierError, later wait() calls too, until reset(); reset() with waiters breaks their wait as well
import asyncio
async def waiter(b, name):
    try:
        return await b.wait()
    except asyncio.BrokenBarrierError as e:
        print(name, type(e).__name__, "|" + str(e) + "|")
        return None
async def main():
    b = asyncio.Barrier(3)
    t1 = asyncio.create_task(waiter(b, "t1"))
    t2 = asyncio.create_task(waiter(b, "t2"))
    await asyncio.sleep(0)
    print("waiting:", b.n_waiting)
    await b.abort()
    await asyncio.gather(t1, t2)
    print("broken:", b.broken, "n_waiting:", b.n_waiting)
    await waiter(b, "late")
    await b.reset()
    print("after reset: broken", b.broken)
    t3 = asyncio.create_task(waiter(b, "t3"))
    await asyncio.sleep(0)
    await b.reset()
    await t3
    print("after reset with a waiter: broken", b.broken, "n_waiting", b.n_waiting)
    r = await asyncio.gather(waiter(b, "p"), waiter(b, "q"), waiter(b, "r"))
    print("usable again:", r)
    print("BrokenBarrierError is a RuntimeError:", issubclass(asyncio.BrokenBarrierError, RuntimeError))
asyncio.run(main())
