# gather without return_exceptions: the first exception reaches the awaiting task; the other children keep running
import asyncio
async def work(name, d, fail=False):
    await asyncio.sleep(d)
    if fail:
        print(name, "fails")
        raise RuntimeError(name + " failed")
    print(name, "done")
    return name
async def main():
    a = asyncio.ensure_future(work("a", 0.3))
    b = asyncio.ensure_future(work("b", 0.1, fail=True))
    c = asyncio.ensure_future(work("c", 0.2, fail=True))
    g = asyncio.gather(a, b, c)
    try:
        await g
    except RuntimeError as e:
        print("caught", str(e))
    print("after catch:", g.done(), a.done(), c.done(), a.cancelled())
    await asyncio.sleep(0.5)
    print("later:", a.result(), str(c.exception()), g.exception() is b.exception())
    try:
        await asyncio.gather(work("x", 0.1), work("y", 0.2, fail=True))
    except RuntimeError as e:
        print("coroutines:", str(e))
    print(await asyncio.gather())
asyncio.run(main())
