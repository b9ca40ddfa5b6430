# Tasks from async defs: create_task, await a task, done and result.
import asyncio


async def job(name, delay):
    await asyncio.sleep(delay)
    print(f"{name} done after {delay}")
    return name.upper()


async def main():
    t1 = asyncio.create_task(job("a", 0.05))
    t2 = asyncio.create_task(job("b", 0.01))
    print(t1.done(), t2.done())
    r2 = await t2
    print(f"{r2=} {t1.done()=}")
    r1 = await t1
    print(r1, t1.result(), t1.done())


asyncio.run(main())
