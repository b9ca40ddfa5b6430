# await as an operand: of + and unary -, in parentheses, in a list, in an
# f-string's field and in its spec, and with = (the text as written).
import asyncio


async def f():
    return 7


async def v():
    return 3


async def main():
    print(await f() + 1, -await f(), (await f()) * 2, [await f()][0])
    print(f"{await v():>{await v()}}|{ await v() = }")


asyncio.run(main())
