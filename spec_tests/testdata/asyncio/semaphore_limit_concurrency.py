# Semaphore(2) limits six workers to two at a time; the waiting ones start in FIFO order as permits come back; gather keeps result order
import asyncio
async def worker(sem, i, state):
    async with sem:
        state["now"] += 1
        state["peak"] = max(state["peak"], state["now"])
        print("start", i, "running", state["now"])
        for _ in range(3):
            await asyncio.sleep(0)
        state["now"] -= 1
        print("end", i)
    return i * i
async def main():
    sem = asyncio.Semaphore(2)
    state = {"now": 0, "peak": 0}
    results = await asyncio.gather(*[worker(sem, i, state) for i in range(6)])
    print("results", results, "peak", state["peak"])
asyncio.run(main())
