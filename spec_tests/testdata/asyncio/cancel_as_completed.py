# cancelling a task iterating as_completed: it gets CancelledError at its await; the futures it watched are not cancelled
import asyncio
async def work(name, d):
    await asyncio.sleep(d)
    print(name, "finished")
    return name
async def consumer(tasks):
    try:
        for f in asyncio.as_completed(tasks):
            print("consumer got", await f)
    except asyncio.CancelledError:
        print("consumer cancelled")
        raise
async def main():
    tasks = [asyncio.ensure_future(work(n, d)) for n, d in [("a", 0.1), ("b", 1), ("c", 2)]]
    c = asyncio.ensure_future(consumer(tasks))
    await asyncio.sleep(0.5)
    c.cancel()
    try:
        await c
    except asyncio.CancelledError:
        print("c cancelled:", c.cancelled())
    print([(t.done(), t.cancelled()) for t in tasks])
    await asyncio.sleep(3)
    print([t.result() for t in tasks] == ["a", "b", "c"])
asyncio.run(main())
