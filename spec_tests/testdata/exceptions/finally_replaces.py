# an exception raised in finally replaces the one in flight (and a return value); the original is lost
import asyncio
async def body_fails_finally_fails():
    try:
        await asyncio.sleep(0)
        raise ValueError("original")
    finally:
        await asyncio.sleep(0)
        raise RuntimeError("from finally")
async def body_ok_finally_fails():
    try:
        await asyncio.sleep(0)
        return "value lost"
    finally:
        raise TypeError("finally after success")
async def handler_fails_finally_fails():
    try:
        raise ValueError("v")
    except ValueError:
        raise KeyError()
    finally:
        raise asyncio.InvalidStateError("finally wins over the handler's")
async def finally_replaces_cancel():
    try:
        await asyncio.sleep(10)
    finally:
        print("finally runs on cancel and raises")
        raise ValueError("replaces CancelledError")
async def main():
    for coro in [body_fails_finally_fails(), body_ok_finally_fails(), handler_fails_finally_fails()]:
        try:
            print(await coro)
        except ValueError:
            print("never: the original")
        except Exception as e:
            print("caught", type(e).__name__, str(e))
    t = asyncio.ensure_future(finally_replaces_cancel())
    await asyncio.sleep(0)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("never: CancelledError")
    except ValueError as e:
        print("caught", type(e).__name__, str(e), "task cancelled:", t.cancelled())
asyncio.run(main())
