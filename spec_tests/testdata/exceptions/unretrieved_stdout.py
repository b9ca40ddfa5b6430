# failed tasks nobody awaits: the program goes on and stdout is unaffected (the report goes to stderr); retrieved ones stay quiet
import asyncio
async def fails(name, d):
    await asyncio.sleep(d)
    print(name, "raises")
    raise ValueError(name)
async def main():
    ignored = asyncio.ensure_future(fails("ignored", 0.1))
    retrieved = asyncio.ensure_future(fails("retrieved", 0.2))
    awaited = asyncio.ensure_future(fails("awaited", 0.3))
    await asyncio.sleep(0.25)
    print("ignored done:", ignored.done())
    print("retrieved via exception():", str(retrieved.exception()))
    try:
        await awaited
    except ValueError as e:
        print("awaited raised", str(e))
    fut = asyncio.get_running_loop().create_future()
    fut.set_exception(RuntimeError("future nobody reads"))
    print("main ends")
asyncio.run(main())
print("after run")
