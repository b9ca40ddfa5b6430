# a TaskGroup whose two tasks fail: the uncaught ExceptionGroup prints in the boxed layout, its line with "(2 sub-exceptions)", then each task's traceback under a numbered separator
import asyncio
async def bad(n):
    await asyncio.sleep(0)
    raise ValueError(f"bad {n}")
async def main():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(bad(1))
        tg.create_task(bad(2))
        print("two tasks started")
asyncio.run(main())
