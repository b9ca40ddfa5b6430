# script errors inside tasks (fail, 1//0, a missing key) become exception values an awaiting task catches
import asyncio
async def failing():
    await asyncio.sleep(0)
    raise Exception("boom")
async def divide(a, b):
    await asyncio.sleep(0)
    return a // b
async def lookup(d, k):
    await asyncio.sleep(0)
    return d[k]
async def main():
    t = asyncio.ensure_future(failing())
    try:
        await t
    except Exception as e:
        print("failing:", str(e).endswith("boom"), t.done(), t.cancelled())
    print("exception() ends with boom:", str(t.exception()).endswith("boom"))
    try:
        await asyncio.ensure_future(divide(1, 0))
    except ZeroDivisionError as e:
        print("divide:", type(e).__name__)
    print("divide ok:", await asyncio.ensure_future(divide(7, 2)))
    try:
        await lookup({"a": 1}, "b")
    except Exception:
        print("lookup: caught by except Exception")
    u = asyncio.ensure_future(divide(1, 0))
    await asyncio.sleep(0.1)
    print("u:", u.done(), type(u.exception()).__name__)
    try:
        u.result()
    except ZeroDivisionError:
        print("u.result() raised ZeroDivisionError again")
asyncio.run(main())
