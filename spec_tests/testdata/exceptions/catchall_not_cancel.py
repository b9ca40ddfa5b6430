# a catch-all handler (except Exception) takes every Exception but lets CancelledError through
import asyncio
async def body(exc):
    try:
        try:
            await asyncio.sleep(0)
            raise exc
        except Exception as e:
            print("catch-all got", type(e).__name__, str(e))
            return "handled"
    except asyncio.CancelledError as e:
        print("outer got", type(e).__name__, str(e))
        return "cancel seen"
async def main():
    for exc in [ValueError("v"), RuntimeError("r"), asyncio.TimeoutError("t"),
                asyncio.InvalidStateError("i"), Exception("e"), asyncio.CancelledError("c")]:
        print(await body(exc))
    t = asyncio.ensure_future(body(ValueError("never")))
    await asyncio.sleep(0)
    t.cancel()
    await asyncio.sleep(0)
    print("task:", t.done(), t.cancelled(), t.result())
asyncio.run(main())
