# await binds tighter than the binary operators and unary minus: Python's
# precedence.
import asyncio


async def num(n):
    await asyncio.sleep(0)
    return n


async def pair():
    return {"a": 1, "b": 2}


async def main():
    print(await num(1) + 1)
    print(await num(2) * await num(3))
    print(-await num(4))
    print(not await num(0))
    print((await pair())["b"])
    print(await num(5) == 5, await num(6) > 7)
    x = await num(10) if await num(1) else await num(20)
    print(x)
    print([await num(i) * 2 for i in range(4)])
    print(await asyncio.gather(*[num(i) for i in range(3)]))
    print(await asyncio.sleep(0, result=await num(8)))


asyncio.run(main())
