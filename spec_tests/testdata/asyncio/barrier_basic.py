# Barrier(3): parties, n_waiting while tasks arrive, everyone released when the last arrives; wait() returns the arrival index; async with gives it too
import asyncio
async def arrive(b, name, delay):
    await asyncio.sleep(delay)
    print(name, "arrives; n_waiting before:", b.n_waiting)
    idx = await b.wait()
    print(name, "passes with index", idx)
    return idx
async def arrive_with(b, name):
    async with b as idx:
        print(name, "inside async with, index", idx)
    return idx
async def main():
    b = asyncio.Barrier(3)
    print("parties", b.parties, "n_waiting", b.n_waiting, "broken", b.broken)
    r = await asyncio.gather(arrive(b, "a", 0.01), arrive(b, "b", 0.02), arrive(b, "c", 0.03))
    print("indexes", r, "n_waiting after", b.n_waiting)
    r = await asyncio.gather(arrive_with(b, "x"), arrive_with(b, "y"), arrive_with(b, "z"))
    print("indexes", r)
    one = asyncio.Barrier(1)
    print("Barrier(1) passes alone:", await one.wait(), await one.wait())
asyncio.run(main())
