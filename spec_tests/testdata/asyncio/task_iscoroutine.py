# iscoroutine / iscoroutinefunction on coroutine functions, coroutine objects, plain functions, futures, tasks
import asyncio
async def co():
    return 1
def plain():
    return 1
async def main():
    c = co()
    print("coroutine function:", asyncio.iscoroutinefunction(co), asyncio.iscoroutine(co))
    print("coroutine object:", asyncio.iscoroutine(c), asyncio.iscoroutinefunction(c))
    print("plain function:", asyncio.iscoroutinefunction(plain), asyncio.iscoroutine(plain))
    print("plain result:", asyncio.iscoroutine(plain()))
    f = asyncio.get_running_loop().create_future()
    t = asyncio.ensure_future(c)
    print("future:", asyncio.iscoroutine(f), "task:", asyncio.iscoroutine(t))
    print("values:", asyncio.iscoroutine(None), asyncio.iscoroutine(3), asyncio.iscoroutinefunction("co"))
    s = asyncio.sleep(0)
    print("sleep():", asyncio.iscoroutine(s))
    await s
    print(await t)
asyncio.run(main())
