# task names: Task-N counts tasks as CPython 3.11 does (asyncio.create_task with name= still uses up a number, loop.create_task with name= does not); gather wraps coroutines in tasks; set_name stringifies
import asyncio
async def job(x):
    await asyncio.sleep(0)
    return asyncio.current_task().get_name()
async def main():
    print("main:", asyncio.current_task().get_name())
    a = asyncio.create_task(job(1))
    b = asyncio.create_task(job(2), name="fetcher")
    c = asyncio.ensure_future(job(3))
    d = asyncio.get_running_loop().create_task(job(4), name="via-loop")
    e = asyncio.get_running_loop().create_task(job(5))
    print(a.get_name(), b.get_name(), c.get_name(), d.get_name(), e.get_name())
    r = await asyncio.gather(job(6), job(7))
    print("gather wrapped:", r[0], r[1])
    f = asyncio.create_task(job(8))
    print("next default name:", f.get_name())
    f.set_name(42)
    print("set_name(42) ->", f.get_name(), f.get_name() == "42")
    print("inside it:", await f)
    f.set_name("renamed after done")
    print(f.get_name())
    g = asyncio.create_task(job(9), name=None)
    print("name=None ->", g.get_name())
    await g
    await asyncio.gather(a, b, c, d, e)
asyncio.run(main())
