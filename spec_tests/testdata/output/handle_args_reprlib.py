# A handle's repr writes its callback's arguments as reprlib.repr does.
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    for args in [(list(range(10)), "x" * 50), ({i: i for i in range(10)},),
                 (pow(2, 200),), ((1, 2, 3, 4, 5, 6, 7),), ([[[[[[[1]]]]]]],)]:
        h = loop.call_soon(print, *args)
        print(h)
        h.cancel()

asyncio.run(main())
