# a sub-exception raised "from" another (and one raised while handling another) prints its chain inside the box, the linking sentences behind the margin
import asyncio
async def lookup():
    await asyncio.sleep(0)
    try:
        {}["config"]
    except KeyError as e:
        raise RuntimeError("no config") from e
async def parse():
    await asyncio.sleep(0)
    try:
        int("x")
    except ValueError:
        raise TypeError("cannot parse")
async def main():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(lookup())
        tg.create_task(parse())
asyncio.run(main())
