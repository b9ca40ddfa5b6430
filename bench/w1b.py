# W1b: 1,000 tasks, each awaiting asyncio.sleep(0) 1,000 times, gathered.
import asyncio, time

async def worker():
    for i in range(1000):
        await asyncio.sleep(0)

async def main():
    await asyncio.gather(*[worker() for _ in range(1000)])

t0 = time.perf_counter()
asyncio.run(main())
print("W1b %.3f s" % (time.perf_counter() - t0))
