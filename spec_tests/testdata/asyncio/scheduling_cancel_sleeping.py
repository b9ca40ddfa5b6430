# cancelling sleeping tasks: CancelledError arrives in cancel order at the next iteration; cancelling a task that awaits a task cancels that task too
import asyncio
async def sleeper(name, d):
    try:
        await asyncio.sleep(d)
        print(name, "woke normally")
    except asyncio.CancelledError:
        print(name, "cancelled")
        raise
    finally:
        print(name, "finally")
async def waits_on(name, other):
    try:
        await other
    except asyncio.CancelledError:
        print(name, "cancelled while awaiting; other cancelled?", other.cancelled())
        raise
async def main():
    loop = asyncio.get_running_loop()
    ts = {n: asyncio.ensure_future(sleeper(n, d)) for n, d in [("s1", 1), ("s2", 2), ("s3", 0.03)]}
    await asyncio.sleep(0)
    ts["s2"].cancel()
    loop.call_soon(print, "callback queued between cancels")
    ts["s1"].cancel()
    print("cancels requested")
    await asyncio.sleep(0.1)
    print(" ".join(["%s=%s" % (n, t.cancelled()) for n, t in sorted(ts.items())]))
    inner = asyncio.ensure_future(sleeper("inner", 1))
    outer = asyncio.ensure_future(waits_on("outer", inner))
    await asyncio.sleep(0)
    outer.cancel()
    await asyncio.gather(outer, return_exceptions=True)
    print("outer", outer.cancelled(), "inner", inner.cancelled())
asyncio.run(main())
