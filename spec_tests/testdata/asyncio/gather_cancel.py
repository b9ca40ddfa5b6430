# cancelling a gather cancels all its children; a cancelled child makes gather raise CancelledError while the others go on
import asyncio
async def child(name, d):
    try:
        await asyncio.sleep(d)
        print(name, "finished")
        return name
    except asyncio.CancelledError:
        print(name, "got cancelled")
        raise
async def main():
    a = asyncio.ensure_future(child("a", 1))
    b = asyncio.ensure_future(child("b", 1))
    g = asyncio.gather(a, b)
    await asyncio.sleep(0.01)
    print("cancel gather:", g.cancel())
    try:
        await g
    except asyncio.CancelledError:
        print("gather cancelled:", g.cancelled(), "children:", a.cancelled(), b.cancelled())
    c = asyncio.ensure_future(child("c", 0.05))
    d = asyncio.ensure_future(child("d", 1))
    g2 = asyncio.gather(c, d)
    await asyncio.sleep(0.01)
    d.cancel()
    try:
        await g2
    except asyncio.CancelledError:
        print("g2 raised CancelledError; c done?", c.done())
    print(await c)
    done = asyncio.ensure_future(child("e", 0))
    await done
    g3 = asyncio.gather(done)
    await asyncio.sleep(0)
    print("cancel finished gather:", g3.cancel(), " ".join(g3.result()))
asyncio.run(main())
