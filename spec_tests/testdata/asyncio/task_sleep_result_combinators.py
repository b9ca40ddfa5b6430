# asyncio.sleep(delay, result) as a stand-in for work: its result comes back through create_task, wait_for, shield, gather, as_completed and a TaskGroup
import asyncio
async def main():
    t = asyncio.create_task(asyncio.sleep(0.01, "from a task"), name="sleeper")
    print(t.get_name(), await t)
    print(await asyncio.wait_for(asyncio.sleep(0.01, "in time"), 1))
    print(await asyncio.shield(asyncio.sleep(0, result=(7, 1))))
    print(await asyncio.gather(asyncio.sleep(0.02, 2), asyncio.sleep(0.01, 1), asyncio.sleep(0, 0)))
    order = []
    for f in asyncio.as_completed([asyncio.sleep(0.03, "slow"), asyncio.sleep(0.01, "fast")]):
        order.append(await f)
    print(" then ".join(order))
    async with asyncio.TaskGroup() as tg:
        a = tg.create_task(asyncio.sleep(0.02, "tg-a"))
        b = tg.create_task(asyncio.sleep(0.01, "tg-b"))
    print(a.result(), b.result())
    try:
        await asyncio.wait_for(asyncio.sleep(1, "too late"), 0.01)
    except TimeoutError:
        print("wait_for timed out: no result")
asyncio.run(main())
