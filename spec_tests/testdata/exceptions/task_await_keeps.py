# an exception leaving a task reaches its awaiter as the same value: type, args, __cause__, __context__ and __suppress_context__ kept
import asyncio
async def worker():
    await asyncio.sleep(0.1)
    try:
        {}["job"]
    except KeyError as e:
        await asyncio.sleep(0.1)
        raise RuntimeError("worker failed", 3) from ConnectionResetError(104, "Connection reset by peer")
async def main():
    t = asyncio.ensure_future(worker())
    try:
        await t
    except RuntimeError as e:
        print(type(e).__name__, e.args[0], e.args[1], "|" + str(e) + "|", e is t.exception())
        print("cause:", type(e.__cause__).__name__, str(e.__cause__), e.__cause__.errno)
        print("context:", type(e.__context__).__name__, str(e.__context__), "suppress:", e.__suppress_context__)
    e2 = t.exception()
    print("exception():", type(e2).__name__, type(e2.__cause__).__name__, type(e2.__context__).__name__)
    try:
        t.result()
    except RuntimeError as e3:
        print("result():", e3 is e2, e3.__context__ is e2.__context__)
asyncio.run(main())
