# W1: 100,000 tasks, each awaiting asyncio.sleep(0) 10 times, gathered.
import asyncio, time

async def worker():
    for i in range(10):
        await asyncio.sleep(0)

async def main():
    await asyncio.gather(*[worker() for _ in range(100000)])

t0 = time.perf_counter()
asyncio.run(main())
print("W1 %.3f s" % (time.perf_counter() - t0))
