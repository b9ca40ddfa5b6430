# gather returns results in argument order, whatever order they finish in.
import asyncio
from asyncio import gather, sleep


async def step(i, delay):
    await sleep(delay)
    print(f"finished {i}")
    return i * i


async def main():
    delays = [0.05, 0.01, 0.03]
    results = await gather(*[step(i, d) for i, d in enumerate(delays)])
    print(f"results {results}")
    empty = await gather()
    print(f"empty {empty}")


asyncio.run(main())
