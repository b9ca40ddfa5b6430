# A triple-quoted f-string whose field spans lines, returned by an async def
# defined in an if block.
import asyncio

if True:
    async def f():
        return f'''a
{1 +
 1}'''


async def main():
    print(await f())


asyncio.run(main())
