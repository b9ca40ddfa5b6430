# ensure_future: a Future or Task comes back as is; a coroutine becomes a new Task; loop.create_task; TypeError otherwise
import asyncio
async def coro(x):
    await asyncio.sleep(0)
    return x
async def main():
    loop = asyncio.get_running_loop()
    f = loop.create_future()
    print("future:", asyncio.ensure_future(f) is f)
    t = asyncio.ensure_future(coro(1))
    print("task:", asyncio.ensure_future(t) is t, isinstance(t, asyncio.Task), isinstance(t, asyncio.Future))
    u = asyncio.ensure_future(coro(2))
    print("alias:", asyncio.ensure_future(u) is u, u is not t)
    v = loop.create_task(coro(3))
    print("create_task:", asyncio.ensure_future(v) is v, isinstance(v, asyncio.Task))
    print("f is a Task?", isinstance(f, asyncio.Task))
    try:
        asyncio.ensure_future(42)
    except TypeError as e:
        print("int:", type(e).__name__)
    f.set_result(0)
    print(await f, await t, await u, await v)
asyncio.run(main())
