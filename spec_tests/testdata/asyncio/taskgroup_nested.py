# nested TaskGroups: the inner group's ExceptionGroup becomes one sub-exception of the outer group's, so the errors nest
import asyncio
async def fail(msg, delay):
    await asyncio.sleep(delay)
    raise ValueError(msg)
async def inner_group():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(fail("deep-1", 0.01))
        tg.create_task(fail("deep-2", 0.01))
def show(e, depth):
    pad = "  " * depth
    if isinstance(e, BaseExceptionGroup):
        print(pad + type(e).__name__ + ": " + str(e))
        for sub in e.exceptions:
            show(sub, depth + 1)
    else:
        print(pad + type(e).__name__ + ": " + str(e))
async def main():
    try:
        async with asyncio.TaskGroup() as outer:
            outer.create_task(inner_group())
            outer.create_task(fail("shallow", 0.5))
    except ExceptionGroup as eg:
        show(eg, 0)
        leaves = []
        def walk(e):
            if isinstance(e, BaseExceptionGroup):
                for sub in e.exceptions:
                    walk(sub)
            else:
                leaves.append(str(e))
        walk(eg)
        print("leaves:", " ".join(leaves))
asyncio.run(main())
