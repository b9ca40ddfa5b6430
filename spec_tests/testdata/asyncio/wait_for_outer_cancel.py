# wait_for: cancelling the waiting task cancels the inner one; an inner exception passes through; the inner result in time
import asyncio
async def inner(name, d, fail=False):
    try:
        await asyncio.sleep(d)
    except asyncio.CancelledError:
        print(name, "inner cancelled")
        raise
    if fail:
        raise ValueError(name + " failed")
    return name
async def outer(t):
    try:
        return await asyncio.wait_for(t, 5)
    except asyncio.CancelledError:
        print("outer cancelled; inner cancelled?", t.cancelled())
        raise
async def main():
    t = asyncio.ensure_future(inner("x", 10))
    o = asyncio.ensure_future(outer(t))
    await asyncio.sleep(0.01)
    o.cancel()
    await asyncio.gather(o, return_exceptions=True)
    print("outer cancelled:", o.cancelled(), "inner:", t.cancelled())
    try:
        await asyncio.wait_for(inner("y", 0.01, fail=True), 1)
    except ValueError as e:
        print("passed through:", e)
    print(await asyncio.wait_for(inner("z", 0.01), 0.5))
    f = asyncio.get_running_loop().create_future()
    asyncio.get_running_loop().call_later(0.01, f.set_result, "future result")
    print(await asyncio.wait_for(f, 1))
asyncio.run(main())
