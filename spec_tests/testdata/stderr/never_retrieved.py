# a task's exception that nobody retrieves is reported on stderr when the task is destroyed (at loop.close() once the task is dropped); the program goes on
import asyncio
async def f():
    raise ValueError("lost")
async def main():
    asyncio.ensure_future(f())
    await asyncio.sleep(0.1)
    print("main done")
loop = asyncio.new_event_loop()
loop.run_until_complete(main())
loop.close()
print("closed")
