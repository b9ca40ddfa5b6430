# an exception raised in the TaskGroup body cancels the children and is part of the ExceptionGroup, after the children's own errors
import asyncio
async def child(name, delay, fail=False):
    try:
        await asyncio.sleep(delay)
    except asyncio.CancelledError:
        print(name, "cancelled")
        raise
    if fail:
        raise RuntimeError(name + " failed")
    print(name, "finished")
async def scenario(label, child_fails):
    print("--", label)
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(child("quick", 0, fail=child_fails))
            tg.create_task(child("slow", 1))
            try:
                await asyncio.sleep(0.2)
            except asyncio.CancelledError:
                print("body cancelled by the failing child")
            raise ValueError("body failed")
    except ExceptionGroup as eg:
        print(str(eg), "->", ", ".join(type(e).__name__ + ":" + str(e) for e in eg.exceptions))
async def main():
    await scenario("body raises, children fine", False)
    await scenario("a child fails, then the body raises", True)
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(child("other", 1))
            raise KeyError("at once")
    except ExceptionGroup as eg:
        print("body raising before any await:", str(eg), str(eg.exceptions[0]))
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(child("late", 0.01, fail=True))
            await asyncio.sleep(0)
            print("body done, the group still waits")
    except ExceptionGroup as eg:
        print("failure after the body ended:", str(eg.exceptions[0]))
asyncio.run(main())
