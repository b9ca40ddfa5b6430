# a TaskGroup inside a TaskGroup: the inner group is a sub-exception of the outer one, one level deeper, with its own "Exception Group Traceback" and separators; the outer group closes once
import asyncio
async def bad(n):
    await asyncio.sleep(0)
    raise ValueError(f"bad {n}")
async def inner():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(bad(1))
        tg.create_task(bad(2))
async def late():
    await asyncio.sleep(0.01)
    raise KeyError("late")
async def main():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(inner())
        tg.create_task(late())
asyncio.run(main())
