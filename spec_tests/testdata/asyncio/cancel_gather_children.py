# cancelling a task that awaits gather cancels gather and every unfinished child; finished children keep their results
import asyncio
async def child(name, d):
    try:
        await asyncio.sleep(d)
        print(name, "finished")
        return name
    except asyncio.CancelledError:
        print(name, "cancelled")
        raise
async def parent(children):
    try:
        return await asyncio.gather(*children)
    except asyncio.CancelledError:
        print("parent sees CancelledError")
        raise
async def main():
    kids = [asyncio.ensure_future(child(n, d)) for n, d in [("fast", 0.1), ("slow", 1), ("slower", 2)]]
    p = asyncio.ensure_future(parent(kids))
    await asyncio.sleep(0.5)
    p.cancel()
    try:
        await p
    except asyncio.CancelledError:
        print("parent cancelled:", p.cancelled())
    print([(k.done(), k.cancelled()) for k in kids])
    print(kids[0].result())
    g = asyncio.gather(child("c1", 1), child("c2", 1))
    asyncio.get_running_loop().call_later(0.1, g.cancel)
    try:
        await g
    except asyncio.CancelledError:
        print("gather itself cancelled:", g.cancelled())
asyncio.run(main())
