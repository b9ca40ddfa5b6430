# gather of a child that gets cancelled: the parent gets CancelledError (the gather is not cancelled); with return_exceptions it is a value
import asyncio
async def child(name, d):
    await asyncio.sleep(d)
    print(name, "finished")
    return name
async def main():
    a = asyncio.ensure_future(child("a", 0.5))
    b = asyncio.ensure_future(child("b", 1))
    g = asyncio.gather(a, b)
    asyncio.get_running_loop().call_later(0.1, a.cancel)
    try:
        await g
    except asyncio.CancelledError:
        print("parent got CancelledError; gather cancelled:", g.cancelled(), "done:", g.done())
    print("b still running:", not b.done())
    await asyncio.sleep(1)
    print("b:", b.result())
    c = asyncio.ensure_future(child("c", 0.5))
    d = asyncio.ensure_future(child("d", 0.2))
    asyncio.get_running_loop().call_later(0.1, c.cancel)
    results = await asyncio.gather(c, d, return_exceptions=True)
    print(type(results[0]).__name__, results[1])
    e = asyncio.ensure_future(child("e", 1))
    e.cancel()
    try:
        await asyncio.gather(e, child("f", 0.1))
    except asyncio.CancelledError:
        print("already-cancelled child: CancelledError")
    await asyncio.sleep(0.5)
asyncio.run(main())
