# async def makes a coroutine function; await runs a coroutine inline.
import asyncio


async def add(x, y):
    await asyncio.sleep(0.01)
    return x + y


async def main():
    print("start")
    s = await add(1, 2)
    print("sum", s)
    c = add(3, 4)
    print(asyncio.iscoroutine(c))
    print("awaited later", await c)
    return s * 10


print("result", asyncio.run(main()))
