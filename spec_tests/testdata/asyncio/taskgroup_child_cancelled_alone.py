# a TaskGroup child cancelled from outside the group is just cancelled: the group does not abort, the others finish, nothing is raised
import asyncio
async def work(name, delay):
    await asyncio.sleep(delay)
    print(name, "finished")
    return name
async def main():
    async with asyncio.TaskGroup() as tg:
        a = tg.create_task(work("a", 0.02))
        b = tg.create_task(work("b", 1))
        c = tg.create_task(work("c", 0.03))
        asyncio.get_running_loop().call_later(0.01, b.cancel)
    print("group ended normally; b cancelled:", b.cancelled(), "a:", a.result(), "c:", c.result())
    async with asyncio.TaskGroup() as tg:
        d = tg.create_task(work("d", 1))
        d.cancel()
        e = tg.create_task(work("e", 0))
    print("cancelled before it started:", d.cancelled(), "e:", e.result())
asyncio.run(main())
