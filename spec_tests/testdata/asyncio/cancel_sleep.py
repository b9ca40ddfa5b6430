# cancelling a task in sleep (long, zero, with a result) raises CancelledError at the sleep; the timer never fires later
import asyncio
async def sleeper(name, d, result=None):
    try:
        r = await asyncio.sleep(d, result)
        print(name, "woke with", r)
        return r
    except asyncio.CancelledError:
        print(name, "cancelled in sleep")
        raise
async def main():
    a = asyncio.ensure_future(sleeper("a", 100, "never"))
    b = asyncio.ensure_future(sleeper("b", 0))
    c = asyncio.ensure_future(sleeper("c", 1, "c-result"))
    await asyncio.sleep(0)
    a.cancel()
    b.cancel()
    await asyncio.sleep(2)
    print(a.cancelled(), b.cancelled(), c.result())
    s = asyncio.ensure_future(asyncio.sleep(5, "x"))
    await asyncio.sleep(1)
    print("cancel a bare sleep task:", s.cancel())
    try:
        await s
    except asyncio.CancelledError:
        print("bare sleep task cancelled:", s.cancelled())
    print("main continues")
asyncio.run(main())
