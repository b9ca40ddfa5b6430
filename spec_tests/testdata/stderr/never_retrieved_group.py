# a task's exception group that nobody retrieves is reported on stderr with the group in the boxed layout, each sub-exception behind the margin; the program goes on
import asyncio
async def bad(n):
    raise ValueError(f"bad {n}")
async def f():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(bad(1))
        tg.create_task(bad(2))
async def main():
    asyncio.ensure_future(f())
    await asyncio.sleep(0.1)
    print("main done")
loop = asyncio.new_event_loop()
loop.run_until_complete(main())
loop.close()
print("closed")
