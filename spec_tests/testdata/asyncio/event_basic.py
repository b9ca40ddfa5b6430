# Event: starts clear; set() wakes waiters; wait() on a set event returns True without suspending; clear() makes wait() block again
import asyncio
async def other():
    for i in range(3):
        print("  other runs", i)
        await asyncio.sleep(0)
async def main():
    ev = asyncio.Event()
    print("new event is_set?", ev.is_set())
    ev.set()
    print("after set:", ev.is_set())
    t = asyncio.create_task(other())
    print("wait on a set event ->", await ev.wait(), "(other has not run yet)")
    ev.set()
    print("set twice is fine:", ev.is_set())
    ev.clear()
    print("after clear:", ev.is_set())
    async def setter():
        await asyncio.sleep(0.01)
        print("  setter sets")
        ev.set()
    s = asyncio.create_task(setter())
    print("wait on a clear event ->", await ev.wait())
    await asyncio.gather(t, s)
asyncio.run(main())
