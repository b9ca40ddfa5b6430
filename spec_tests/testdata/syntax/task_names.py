# Task names and current_task inside async defs.
import asyncio


async def who():
    t = asyncio.current_task()
    await asyncio.sleep(0)
    return t.get_name()


async def main():
    t = asyncio.create_task(who(), name="worker-1")
    print(await t)
    t2 = asyncio.create_task(who())
    t2.set_name("renamed")
    print(await t2)
    print(asyncio.current_task().get_name() != "")


asyncio.run(main())
