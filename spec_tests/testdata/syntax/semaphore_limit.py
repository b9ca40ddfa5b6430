# A semaphore bounds how many coroutines run at once.
import asyncio

running = [0]
peak = [0]


async def fetch(sem, i):
    await sem.acquire()
    running[0] += 1
    peak[0] = max(peak[0], running[0])
    await asyncio.sleep(0.01 * (i % 3 + 1))
    running[0] -= 1
    sem.release()
    return f"page{i}"


async def main():
    sem = asyncio.Semaphore(2)
    pages = await asyncio.gather(*[fetch(sem, i) for i in range(6)])
    print(pages)
    print(f"peak concurrency {peak[0]}")


asyncio.run(main())
