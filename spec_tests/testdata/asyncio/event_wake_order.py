# Event.set() wakes every waiter in the order they started waiting; set() then clear() at once still wakes them; a waiter arriving after clear() blocks
import asyncio
async def waiter(ev, name, log):
    log.append(name + " waits")
    await ev.wait()
    log.append(name + " woke")
async def main():
    ev = asyncio.Event()
    log = []
    tasks = [asyncio.create_task(waiter(ev, "w%d" % i, log)) for i in range(3)]
    await asyncio.sleep(0)
    ev.set()
    ev.clear()
    late = asyncio.create_task(waiter(ev, "late", log))
    await asyncio.gather(*tasks)
    await asyncio.sleep(0)
    print("\n".join(log))
    print("late still waiting:", not late.done(), "is_set:", ev.is_set())
    ev.set()
    await late
    print(log[-1])
asyncio.run(main())
