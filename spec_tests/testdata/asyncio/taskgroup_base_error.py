# A base error (KeyboardInterrupt, SystemExit) raised in a task group's body
# cancels the children and leaves the group as it is, not in an
# ExceptionGroup, even when a child has failed.
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
    for base in [KeyboardInterrupt("body"), SystemExit(3)]:
        try:
            async with asyncio.TaskGroup() as tg:
                tg.create_task(child("b", 10))
                tg.create_task(child("v", 0, ValueError("v")))
                await asyncio.sleep(0)
                raise base
        except BaseException as e:
            print("caught", type(e).__name__, e is base, e.args)
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(child("c", 10))
            tg.create_task(child("w", 0.01, ValueError("w")))
            try:
                await asyncio.sleep(5)
            except asyncio.CancelledError:
                print("body cancelled")
                raise KeyboardInterrupt("instead")
    except BaseException as e:
        print("caught", type(e).__name__, e.args)
asyncio.run(main())
