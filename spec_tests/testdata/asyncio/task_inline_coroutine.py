# awaiting a coroutine runs it inline in the same task: no new task, no yield unless it really suspends
import asyncio
async def no_suspend(x):
    print("  no_suspend runs in", asyncio.current_task().get_name())
    return x + 1
async def suspends(x):
    await asyncio.sleep(0)
    return x + 2
async def other():
    print("other task runs")
async def main():
    asyncio.current_task().set_name("main")
    asyncio.ensure_future(other())
    n = len(asyncio.all_tasks())
    v = await no_suspend(1)
    v = await no_suspend(v)
    print("after two inline awaits:", v, "tasks:", len(asyncio.all_tasks()) == n)
    v = await suspends(v)
    print("after a suspending await:", v)
    async def nested():
        return await no_suspend(await no_suspend(10))
    print("nested:", await nested())
asyncio.run(main())
