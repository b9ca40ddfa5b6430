# W7: 1,000 tasks contend for one asyncio.Lock, 1,000 times each; each
# acquire/release guards a tiny critical section (read the shared counter,
# yield once with sleep(0) while holding the lock, write it back plus one).
# Prints the final count; bench/run.sh measures the wall time.
import asyncio

N_TASKS = 1000
N_ROUNDS = 1000

async def worker(lock, counter):
    for _ in range(N_ROUNDS):
        await lock.acquire()
        v = counter[0]
        await asyncio.sleep(0)
        counter[0] = v + 1
        lock.release()

async def main():
    lock = asyncio.Lock()
    counter = [0]
    await asyncio.gather(*[worker(lock, counter) for _ in range(N_TASKS)])
    return counter[0]

print("W7 tasks=%d rounds=%d count=%d" % (N_TASKS, N_ROUNDS, asyncio.run(main())))
