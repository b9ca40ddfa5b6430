# cancelling the future a task awaits (not the task): the task gets CancelledError and, unless it catches it, ends cancelled
import asyncio
async def waiter(name, fut, catch):
    try:
        return await fut
    except asyncio.CancelledError:
        print(name, "saw the future cancelled")
        if catch:
            return name + " recovered"
        raise
async def main():
    loop = asyncio.get_running_loop()
    f1 = loop.create_future()
    t1 = asyncio.ensure_future(waiter("t1", f1, False))
    f2 = loop.create_future()
    t2 = asyncio.ensure_future(waiter("t2", f2, True))
    await asyncio.sleep(0)
    f1.cancel()
    f2.cancel()
    print("right after:", t1.done(), t2.done())
    await asyncio.sleep(0)
    print("t1:", t1.done(), t1.cancelled(), "t2:", t2.done(), t2.cancelled(), t2.result())
    try:
        await t1
    except asyncio.CancelledError:
        print("awaiting t1 raises CancelledError")
    f3 = loop.create_future()
    loop.call_later(0.5, f3.cancel)
    t3 = asyncio.ensure_future(waiter("t3", asyncio.shield(f3), False))
    await asyncio.sleep(1)
    print("t3 through shield:", t3.cancelled())
asyncio.run(main())
