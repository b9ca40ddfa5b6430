# shield: cancelling the outer leaves the inner running; inner results and errors pass through; a done inner; a cancelled inner cancels the outer
import asyncio
async def work(name, d, fail=False):
    await asyncio.sleep(d)
    print(name, "work finished")
    if fail:
        raise ValueError(name)
    return name
async def caller(inner):
    try:
        return await asyncio.shield(inner)
    except asyncio.CancelledError:
        print("caller cancelled; inner done?", inner.done(), "cancelled?", inner.cancelled())
        raise
async def main():
    inner = asyncio.ensure_future(work("A", 1))
    c = asyncio.ensure_future(caller(inner))
    await asyncio.sleep(0.01)
    c.cancel()
    await asyncio.gather(c, return_exceptions=True)
    print("caller cancelled:", c.cancelled())
    print("inner result:", await inner)
    print(await asyncio.shield(work("B", 0.01)))
    try:
        await asyncio.shield(work("C", 0.01, fail=True))
    except ValueError as e:
        print("shield passed the error:", e)
    f = asyncio.get_running_loop().create_future()
    f.set_result("done already")
    print(await asyncio.shield(f))
    g = asyncio.get_running_loop().create_future()
    s = asyncio.shield(g)
    g.cancel()
    try:
        await s
    except asyncio.CancelledError:
        print("inner cancelled -> outer cancelled:", s.cancelled())
    t = asyncio.ensure_future(work("D", 0))
    print("shield(done task) is a new future:", asyncio.shield(t) is not t)
    await t
    print("shield(done task) is the task:", asyncio.shield(t) is t)
asyncio.run(main())
