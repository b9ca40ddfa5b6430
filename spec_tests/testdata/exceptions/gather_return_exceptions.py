# gather(return_exceptions=True): exceptions and cancellations come back as values in order
import asyncio
async def work(name, d, exc=None):
    await asyncio.sleep(d)
    if exc is not None:
        raise exc
    return name
async def main():
    loop = asyncio.get_running_loop()
    f = loop.create_future()
    loop.call_later(0.05, f.set_exception, asyncio.InvalidStateError("future said no"))
    cancelled = asyncio.ensure_future(work("cancel-me", 1))
    loop.call_later(0.1, cancelled.cancel)
    results = await asyncio.gather(
        work("ok1", 0.3),
        work("bad1", 0.1, ValueError("value problem")),
        f,
        cancelled,
        work("bad2", 0.2, asyncio.TimeoutError("late")),
        work("ok2", 0),
        return_exceptions=True)
    for r in results:
        if isinstance(r, BaseException):
            print("exception:", type(r).__name__, "|" + str(r) + "|")
        else:
            print("value:", r)
    print("cancelled child:", cancelled.cancelled())
asyncio.run(main())
