# gather: the first failure propagates as the same value with its __cause__; with return_exceptions=True each value keeps its chain
import asyncio
async def fail(delay, exc, cause):
    await asyncio.sleep(delay)
    try:
        raise cause
    except Exception:
        raise exc
async def ok(delay):
    await asyncio.sleep(delay)
    return "ok"
async def main():
    first = ValueError("first failure")
    try:
        await asyncio.gather(ok(0.1), fail(0.2, first, KeyError("k1")), fail(0.3, TypeError("later"), IndexError(0)))
    except ValueError as e:
        print("gather raised:", type(e).__name__, str(e), e is first, "context:", type(e.__context__).__name__, str(e.__context__))
    await asyncio.sleep(0.5)
    results = await asyncio.gather(fail(0.1, OSError(9, "Bad file descriptor"), TimeoutError("slow")), ok(0.2),
                                   fail(0.3, RuntimeError("x", "y"), ZeroDivisionError()), return_exceptions=True)
    for r in results:
        if isinstance(r, BaseException):
            print("value:", type(r).__name__, "|" + str(r) + "|", "context:", type(r.__context__).__name__, r.__cause__)
        else:
            print("value:", r)
asyncio.run(main())
