# wait_for passes the inner coroutine's exception through unchanged: same type, args, __cause__ and __context__
import asyncio
async def slow_parse(text):
    await asyncio.sleep(0.1)
    try:
        return int(text)
    except ValueError as e:
        raise LookupError("no such setting", text) from e
async def main():
    try:
        await asyncio.wait_for(slow_parse("abc"), 5)
    except LookupError as e:
        print(type(e).__name__, e.args[0], e.args[1], "|" + str(e) + "|")
        print("cause:", type(e.__cause__).__name__, "context is cause:", e.__context__ is e.__cause__, e.__suppress_context__)
    t = asyncio.ensure_future(slow_parse("def"))
    try:
        await asyncio.wait_for(t, 5)
    except Exception as e:
        print("via a task:", type(e).__name__, e is t.exception(), type(e.__cause__).__name__)
    print("parsed:", await asyncio.wait_for(slow_parse("42"), 5))
asyncio.run(main())
