# TaskGroup: children run concurrently with the body, the block ends when all are done, create_task returns the Task (name= works), results read after
import asyncio
async def fetch(name, turns, log):
    log.append("start " + name)
    for _ in range(turns):
        await asyncio.sleep(0)
    log.append("end " + name)
    return name.upper()
async def main():
    log = []
    loop = asyncio.get_running_loop()
    async with asyncio.TaskGroup() as tg:
        a = tg.create_task(fetch("a", 5, log))
        b = tg.create_task(fetch("b", 1, log), name="fetch-b")
        log.append("body continues")
        await asyncio.sleep(0)
        c = tg.create_task(fetch("c", 2, log))
        log.append("body ends")
    print("\n".join(log))
    print("results:", a.result(), b.result(), c.result())
    print("names:", b.get_name(), "| all done:", a.done() and b.done() and c.done())
    async with asyncio.TaskGroup() as tg:
        pass
    print("an empty group is fine")
    async with asyncio.TaskGroup() as tg:
        t = tg.create_task(fetch("d", 0, log))
        print("inside, d done?", t.done())
    print("after, d done?", t.done(), t.result())
asyncio.run(main())
