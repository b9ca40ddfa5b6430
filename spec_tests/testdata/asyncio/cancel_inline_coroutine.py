# cancelling a task while it is inside coroutines awaited inline: CancelledError unwinds through each level's handlers
import asyncio
async def leaf():
    try:
        print("leaf sleeps")
        await asyncio.sleep(5)
    except asyncio.CancelledError:
        print("leaf sees CancelledError, re-raises")
        raise
    finally:
        print("leaf finally")
async def branch():
    try:
        await leaf()
        print("never")
    except Exception:
        print("never: except Exception does not take CancelledError")
    finally:
        print("branch finally")
async def root():
    try:
        await branch()
    except asyncio.CancelledError:
        print("root caught it and returns normally")
        return "root survived"
async def main():
    t = asyncio.ensure_future(root())
    await asyncio.sleep(1)
    print("current task inside? main is", asyncio.current_task() is not t)
    t.cancel()
    print(await t, t.cancelled())
asyncio.run(main())
