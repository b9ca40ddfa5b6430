# task.get_coro() is the coroutine the task runs (also after it is done); isfuture is true for tasks and futures, false for coroutines and other values
import asyncio
async def work():
    await asyncio.sleep(0)
    return "worked"
async def main():
    coro = work()
    t = asyncio.create_task(coro)
    print("get_coro is the coroutine:", t.get_coro() is coro)
    print("iscoroutine(get_coro()):", asyncio.iscoroutine(t.get_coro()))
    print(await t)
    print("after done, still the coroutine:", t.get_coro() is coro)
    f = asyncio.get_running_loop().create_future()
    other = work()
    print("isfuture task/future/coro/int/None:", asyncio.isfuture(t), asyncio.isfuture(f),
          asyncio.isfuture(other), asyncio.isfuture(1), asyncio.isfuture(None))
    print("iscoroutine task/coro:", asyncio.iscoroutine(t), asyncio.iscoroutine(other))
    print("ensure_future(task) is task:", asyncio.ensure_future(t) is t)
    print(await other)
    g = asyncio.gather(work())
    print("isfuture(gather(...)):", asyncio.isfuture(g))
    await g
asyncio.run(main())
