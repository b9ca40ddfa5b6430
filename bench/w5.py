# W5: 100,000 tasks, task i sleeping i/100,000 s (delays spread over 0 to 1 s),
# gathered. bench/run.sh reports the total wall time; the ideal is 1 s.
# Prints a check line.
import asyncio

N_TASKS = 100000

async def sleeper(i):
    await asyncio.sleep(i / N_TASKS)
    return 1

async def main():
    done = await asyncio.gather(*[sleeper(i) for i in range(N_TASKS)])
    total = 0
    for n in done:
        total += n
    return total

print("W5 woke=%d" % asyncio.run(main()))
