# Task.cancelling() and uncancel() (Python 3.11): counting cancel requests and withdrawing them after handling one
import asyncio
async def job():
    me = asyncio.current_task()
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("handling: cancelling() =", me.cancelling())
        print("uncancel() ->", me.uncancel(), "cancelling() =", me.cancelling())
        print("uncancel() ->", me.uncancel(), "cancelling() =", me.cancelling())
    await asyncio.sleep(0.1)
    print("job keeps going after uncancel")
    return "job result"
async def main():
    t = asyncio.ensure_future(job())
    await asyncio.sleep(0)
    t.cancel()
    t.cancel()
    print("requests:", t.cancelling())
    print(await t, t.cancelled(), t.cancelling())
    u = asyncio.ensure_future(job())
    await asyncio.sleep(0)
    u.cancel()
    await asyncio.sleep(0)
    print("u after handling:", u.cancelling(), u.done())
    print(await u, u.cancelled())
asyncio.run(main())
