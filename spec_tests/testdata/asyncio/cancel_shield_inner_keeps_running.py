# cancelling a task that awaits shield(inner): the awaiting task gets CancelledError, the inner task keeps running
import asyncio
async def inner():
    print("inner starts")
    await asyncio.sleep(1)
    print("inner finishes")
    return "inner result"
async def outer(t):
    try:
        return await asyncio.shield(t)
    except asyncio.CancelledError:
        print("outer cancelled while inner done =", t.done())
        raise
async def main():
    t = asyncio.ensure_future(inner())
    o = asyncio.ensure_future(outer(t))
    await asyncio.sleep(0.5)
    print("cancel outer:", o.cancel())
    try:
        await o
    except asyncio.CancelledError:
        print("o:", o.cancelled(), "t:", t.done(), t.cancelled())
    print(await t)
    t2 = asyncio.ensure_future(inner())
    s = asyncio.shield(t2)
    print("cancel the shield future itself:", s.cancel(), s.cancelled(), t2.cancelled())
    await asyncio.sleep(2)
    print("t2:", t2.result())
    t3 = asyncio.ensure_future(inner())
    await asyncio.sleep(0)
    t3.cancel()
    try:
        await asyncio.shield(t3)
    except asyncio.CancelledError:
        print("shield of a cancelled inner raises CancelledError:", t3.cancelled())
asyncio.run(main())
