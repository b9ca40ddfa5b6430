# the exception being handled belongs to its task: another task raising meanwhile gets no __context__ from it, and each keeps its own
import asyncio
async def handler_task():
    try:
        raise KeyError("a-own")
    except KeyError:
        print("A handles KeyError and waits")
        await asyncio.sleep(0.2)
        raise ValueError("A raises")
async def plain_task():
    await asyncio.sleep(0.1)
    print("B raises while A is inside its handler")
    raise TypeError("B raises")
async def other_handler_task():
    await asyncio.sleep(0.1)
    try:
        raise IndexError("c-own")
    except IndexError:
        raise RuntimeError("C raises")
async def main():
    tasks = [asyncio.ensure_future(c()) for c in [handler_task, plain_task, other_handler_task]]
    await asyncio.wait(tasks)
    for t in tasks:
        e = t.exception()
        ctx = e.__context__
        print(type(e).__name__, str(e), "| context:", type(ctx).__name__ if ctx is not None else None, str(ctx) if ctx is not None else "")
asyncio.run(main())
