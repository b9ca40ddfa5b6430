# Event waiters that are cancelled or time out (wait_for) leave no trace; the remaining waiters wake on set(); shield keeps a wait going
import asyncio
async def waiter(ev, name):
    try:
        await ev.wait()
        print(name, "woke")
    except asyncio.CancelledError:
        print(name, "cancelled")
        raise
async def main():
    ev = asyncio.Event()
    a = asyncio.create_task(waiter(ev, "a"))
    b = asyncio.create_task(waiter(ev, "b"))
    await asyncio.sleep(0)
    a.cancel()
    try:
        await asyncio.wait_for(ev.wait(), 0.01)
    except TimeoutError:
        print("wait_for(ev.wait(), 0.01) timed out")
    inner = asyncio.create_task(waiter(ev, "shielded"))
    try:
        await asyncio.wait_for(asyncio.shield(inner), 0.01)
    except TimeoutError:
        print("the shield timed out; inner still waiting:", not inner.done())
    ev.set()
    await asyncio.gather(a, b, inner, return_exceptions=True)
    print("a cancelled:", a.cancelled(), "b done:", b.done(), "inner done:", inner.done())
    print("wait_for on a set event:", await asyncio.wait_for(ev.wait(), 0.01))
asyncio.run(main())
