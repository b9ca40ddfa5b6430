# sleeping tasks wake by deadline, not by creation; tasks sleeping the same time wake in the order they went to sleep
import asyncio
async def nap(name, d):
    await asyncio.sleep(d)
    print("wake", name)
async def main():
    ts = [asyncio.ensure_future(nap(n, d)) for n, d in [("slow", 0.5), ("mid", 0.4), ("fast", 0.1)]]
    ts += [asyncio.ensure_future(nap("same%d" % i, 0.3)) for i in range(5)]
    await asyncio.sleep(0.2)
    print("main at 0.2")
    ts.append(asyncio.ensure_future(nap("late but short", 0.05)))
    await asyncio.gather(*ts)
    print("all awake")
asyncio.run(main())
