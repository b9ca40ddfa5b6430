# an exception raised while a cancelled task handles its CancelledError has that CancelledError as __context__
import asyncio
async def victim():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        await asyncio.sleep(0)
        raise RuntimeError("cleanup failed")
async def main():
    t = asyncio.ensure_future(victim())
    await asyncio.sleep(0.1)
    t.cancel("shutdown")
    try:
        await t
    except RuntimeError as e:
        ctx = e.__context__
        print(type(e).__name__, str(e), "cancelled:", t.cancelled())
        print("context:", type(ctx).__name__, "|" + str(ctx) + "|", isinstance(ctx, Exception), isinstance(ctx, BaseException))
asyncio.run(main())
