# a handler re-raises the exception it caught (the same value reaches the outer handler) or raises a new one
import asyncio
async def op(n):
    await asyncio.sleep(0.1)
    raise ValueError("op %d" % n)
async def reraiser(n, seen):
    try:
        await op(n)
    except ValueError as e:
        seen.append(e)
        print("reraiser logs", str(e))
        await asyncio.sleep(0.1)
        raise
async def translator(n):
    try:
        await op(n)
    except ValueError as e:
        print("translator turns", type(e).__name__, "into RuntimeError")
        raise RuntimeError("translated: " + str(e))
async def main():
    seen = []
    try:
        await reraiser(1, seen)
    except ValueError as e:
        print("main caught", str(e), "same value:", e is seen[0])
    t = asyncio.ensure_future(reraiser(2, seen))
    try:
        await t
    except ValueError as e:
        print("task re-raised", str(e), "same value:", e is seen[1], t.exception() is e)
    try:
        await translator(3)
    except ValueError:
        print("never: ValueError")
    except RuntimeError as e:
        print("main caught", type(e).__name__, str(e))
    try:
        try:
            raise asyncio.CancelledError("cancel-ish")
        except asyncio.CancelledError as e:
            print("handler sees", type(e).__name__, str(e))
            raise ValueError("replaced cancellation")
    except ValueError as e:
        print("outer sees", type(e).__name__, str(e))
asyncio.run(main())
