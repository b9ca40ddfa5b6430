# a failing TaskGroup child cancels its sibling and the body's current await; the group raises ExceptionGroup("unhandled errors in a TaskGroup", [error])
import asyncio
async def ok_child():
    try:
        await asyncio.sleep(1)
        print("never")
    except asyncio.CancelledError:
        print("sibling cancelled")
        raise
async def bad_child():
    await asyncio.sleep(0.01)
    raise ValueError("child failed")
async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            s = tg.create_task(ok_child())
            b = tg.create_task(bad_child())
            try:
                await asyncio.sleep(1)
            except asyncio.CancelledError:
                print("body's await cancelled")
                raise
    except ExceptionGroup as eg:
        print(type(eg).__name__, "|", str(eg))
        print("message:", eg.message, "| count:", len(eg.exceptions))
        print("first:", type(eg.exceptions[0]).__name__, str(eg.exceptions[0]))
        print("same object as the task's exception:", eg.exceptions[0] is b.exception())
        print("sibling cancelled:", s.cancelled())
    print("main goes on; cancelling:", asyncio.current_task().cancelling())
asyncio.run(main())
