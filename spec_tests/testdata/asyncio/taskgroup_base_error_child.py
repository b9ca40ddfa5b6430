# A base error (KeyboardInterrupt) raised by a task group's child cancels the
# other children and reaches the body as it is, not in an ExceptionGroup,
# and asyncio.run raises it.
import asyncio
async def child(name, delay, exc=None):
    try:
        await asyncio.sleep(delay)
    except asyncio.CancelledError:
        print(name, "cancelled")
        raise
    if exc is not None:
        print(name, "raises", type(exc).__name__)
        raise exc
    print(name, "done")
async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(child("v", 0.03, ValueError("v")))
            tg.create_task(child("a", 0.01, KeyboardInterrupt("child")))
            await asyncio.sleep(5)
    except BaseException as e:
        print("main caught", type(e).__name__, e.args)
        raise
try:
    asyncio.run(main())
except BaseException as e:
    print("run raised", type(e).__name__, e.args)
