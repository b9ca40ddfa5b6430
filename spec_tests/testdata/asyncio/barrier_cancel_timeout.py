# a Barrier waiter that is cancelled or times out (wait_for) leaves the barrier unbroken and n_waiting drops; Barrier(0) is a ValueError
import asyncio
async def main():
    try:
        asyncio.Barrier(0)
    except ValueError as e:
        print(type(e).__name__, str(e))
    b = asyncio.Barrier(2)
    t = asyncio.create_task(b.wait())
    await asyncio.sleep(0)
    print("n_waiting", b.n_waiting)
    t.cancel()
    await asyncio.gather(t, return_exceptions=True)
    print("after cancel: n_waiting", b.n_waiting, "broken", b.broken, "cancelled", t.cancelled())
    try:
        await asyncio.wait_for(b.wait(), 0.01)
    except TimeoutError:
        print("wait_for timed out: n_waiting", b.n_waiting, "broken", b.broken)
    r = await asyncio.gather(b.wait(), b.wait())
    print("two parties still pass:", r)
asyncio.run(main())
