# cancelling the task that awaits wait_for cancels the inner task too (before its timeout), and the inner cleans up first
import asyncio
async def inner(name):
    try:
        await asyncio.sleep(10)
        return name
    except asyncio.CancelledError:
        print(name, "cancelled; cleaning up")
        await asyncio.sleep(0.1)
        print(name, "clean")
        raise
async def outer(t):
    try:
        return await asyncio.wait_for(t, 5)
    except asyncio.CancelledError:
        print("outer: CancelledError, inner done:", t.done(), "cancelled:", t.cancelled())
        raise
    except asyncio.TimeoutError:
        print("never: TimeoutError")
async def main():
    t = asyncio.ensure_future(inner("inner-task"))
    o = asyncio.ensure_future(outer(t))
    await asyncio.sleep(1)
    o.cancel()
    try:
        await o
    except asyncio.CancelledError:
        print("o cancelled:", o.cancelled(), "t cancelled:", t.cancelled())
    o2 = asyncio.ensure_future(asyncio.wait_for(inner("inner-coro"), 5))
    await asyncio.sleep(1)
    o2.cancel()
    try:
        await o2
    except asyncio.CancelledError:
        print("o2 cancelled:", o2.cancelled())
asyncio.run(main())
