# an Event as a starting gun for TaskGroup children: none proceeds before set(), then all run; the group waits for all of them
import asyncio
async def runner(start, name, delay, results):
    print(name, "ready")
    await start.wait()
    await asyncio.sleep(delay)
    results.append(name)
    return name.upper()
async def main():
    start = asyncio.Event()
    results = []
    async with asyncio.TaskGroup() as tg:
        tasks = [tg.create_task(runner(start, n, d, results)) for n, d in [("x", 0.03), ("y", 0.01), ("z", 0.02)]]
        await asyncio.sleep(0.01)
        print("nobody finished before the gun:", results == [])
        start.set()
    print("finish order:", " ".join(results))
    print("results:", " ".join(t.result() for t in tasks))
asyncio.run(main())
