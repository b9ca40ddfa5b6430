# interpreter errors raised inside tasks keep their Python type through await, result() and exception()
import asyncio
async def failing(kind):
    await asyncio.sleep(0.1)
    if kind == "key":
        return {}["missing"]
    if kind == "index":
        return [1, 2][5]
    if kind == "zero":
        return 1 // 0
    if kind == "attr":
        return None.field
    return int("not a number")
async def main():
    tasks = [asyncio.ensure_future(failing(k)) for k in ["key", "index", "zero", "attr", "value"]]
    for t in tasks:
        try:
            await t
        except LookupError as e:
            print("lookup:", type(e).__name__, e is t.exception())
        except Exception as e:
            print("other:", type(e).__name__, e is t.exception())
    for t in tasks:
        try:
            t.result()
        except Exception as e:
            print("result() again:", e.__class__.__name__, isinstance(e, (LookupError, ArithmeticError)))
    try:
        await failing("key")
    except KeyError as e:
        print("inline coroutine:", type(e).__name__, "|" + str(e) + "|")
asyncio.run(main())
