# await inside comprehensions and conditions of an async def.
import asyncio


async def sq(x):
    await asyncio.sleep(0.001 * x)
    return x * x


async def ok(x):
    return x % 2 == 0


async def main():
    print([await sq(x) for x in range(5)])
    print({x: await sq(x) for x in [1, 2]})
    print([x for x in range(6) if await ok(x)])
    total = 0
    for x in range(4):
        if await ok(x) and await sq(x) > 0:
            total += await sq(x)
    print(total)
    while await sq(total) > 100:
        total -= 7
    print(total)


asyncio.run(main())
