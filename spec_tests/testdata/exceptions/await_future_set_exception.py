# an exception set on a future (from a callback, a timer, another task) is raised at every await of it
import asyncio
async def waiter(name, fut):
    try:
        r = await fut
        print(name, "got", r)
    except ValueError as e:
        print(name, "caught", type(e).__name__, str(e))
        return name
async def setter(fut):
    await asyncio.sleep(0.5)
    print("setter sets the exception")
    fut.set_exception(ValueError("from setter"))
async def main():
    loop = asyncio.get_running_loop()
    f1 = loop.create_future()
    loop.call_later(0.1, f1.set_exception, ValueError("from call_later"))
    ws = [asyncio.ensure_future(waiter("w%d" % i, f1)) for i in range(3)]
    print(" ".join(await asyncio.gather(*ws)))
    f2 = loop.create_future()
    w = asyncio.ensure_future(waiter("w-task", f2))
    s = asyncio.ensure_future(setter(f2))
    print(await w, await s)
    f3 = loop.create_future()
    loop.call_soon(f3.set_exception, RuntimeError("not a ValueError"))
    try:
        await waiter("w-rt", f3)
    except RuntimeError as e:
        print("main caught", type(e).__name__, str(e))
    try:
        await f3
    except RuntimeError as e:
        print("awaiting again raises the same:", str(e))
asyncio.run(main())
