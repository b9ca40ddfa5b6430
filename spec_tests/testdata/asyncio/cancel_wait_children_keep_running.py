# cancelling a task that awaits wait() does not cancel the waited tasks: they run to completion
import asyncio
async def child(name, d):
    await asyncio.sleep(d)
    print(name, "finished")
    return name
async def waiter(tasks):
    try:
        done, pending = await asyncio.wait(tasks)
        print("never", len(done))
    except asyncio.CancelledError:
        print("waiter cancelled")
        raise
async def main():
    kids = [asyncio.ensure_future(child(n, d)) for n, d in [("a", 0.1), ("b", 1), ("c", 2)]]
    w = asyncio.ensure_future(waiter(kids))
    await asyncio.sleep(0.5)
    w.cancel()
    try:
        await w
    except asyncio.CancelledError:
        print("w cancelled:", w.cancelled())
    print("children:", [(k.done(), k.cancelled()) for k in kids])
    done, pending = await asyncio.wait(kids)
    print("all done:", len(done), len(pending), " ".join([k.result() for k in kids]))
    w2 = asyncio.ensure_future(asyncio.wait([asyncio.ensure_future(child("d", 1))], timeout=5))
    await asyncio.sleep(0.5)
    w2.cancel()
    await asyncio.sleep(1)
    print("w2 cancelled:", w2.cancelled())
asyncio.run(main())
