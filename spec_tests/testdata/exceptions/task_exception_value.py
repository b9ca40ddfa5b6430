# task.exception() and task.result(): pending -> InvalidStateError, failed -> the value, cancelled -> CancelledError
import asyncio
async def bad(msg, d):
    await asyncio.sleep(d)
    raise ValueError(msg)
async def good(d):
    await asyncio.sleep(d)
    return "fine"
async def main():
    t = asyncio.ensure_future(bad("broken", 0.1))
    for name, call in [("exception", t.exception), ("result", t.result)]:
        try:
            call()
        except asyncio.InvalidStateError as e:
            print("pending", name, "->", type(e).__name__)
    await asyncio.sleep(0.2)
    e = t.exception()
    print("failed exception() ->", type(e).__name__, str(e), t.exception() is e)
    try:
        t.result()
    except ValueError as e2:
        print("failed result() raises the same value:", e2 is e)
    g = asyncio.ensure_future(good(0.1))
    await asyncio.sleep(0.2)
    print("good:", g.exception(), g.result())
    c = asyncio.ensure_future(good(1))
    await asyncio.sleep(0)
    c.cancel()
    try:
        c.exception()
    except asyncio.InvalidStateError:
        print("cancel requested, not yet done: exception() -> InvalidStateError")
    await asyncio.sleep(0)
    for name, call in [("exception", c.exception), ("result", c.result)]:
        try:
            call()
        except asyncio.CancelledError as e:
            print("cancelled", name, "->", type(e).__name__)
asyncio.run(main())
