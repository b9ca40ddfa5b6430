# a future's exception that nobody retrieves is reported when the future is dropped: "Future exception was never retrieved", the future, the exception (never raised, so no traceback)
import asyncio
async def main():
    fut = asyncio.get_running_loop().create_future()
    fut.set_exception(KeyError("k"))
    fut = None
    await asyncio.sleep(0)
    print("main done")
asyncio.run(main())
print("ran")
