# W1b: 1,000 tasks, each awaiting asyncio.sleep(0) 1,000 times, gathered.
# Prints a check line; bench/run.sh measures the wall time.
import asyncio

N_TASKS = 1000
N_SLEEPS = 1000

async def worker():
    n = 0
    for i in range(N_SLEEPS):
        await asyncio.sleep(0)
        n += 1
    return n

async def main():
    done = await asyncio.gather(*[worker() for _ in range(N_TASKS)])
    total = 0
    for n in done:
        total += n
    return total

print("W1b tasks=%d sleeps=%d" % (N_TASKS, asyncio.run(main())))
