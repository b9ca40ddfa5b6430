# gather: results in argument order, duplicates, empty, nested, exceptions
import asyncio
async def val(x, d):
    await asyncio.sleep(d)
    print("done", x)
    return x
async def bad(d):
    await asyncio.sleep(d)
    raise ValueError("bad after %s" % d)
async def main():
    print(await asyncio.gather(val(1, 0.1), val(2, 0.05), val(3, 0)))
    t = asyncio.ensure_future(val(7, 0))
    print(await asyncio.gather(t, t, val(8, 0)))
    print(await asyncio.gather())
    print(await asyncio.gather(asyncio.gather(val(4, 0), val(5, 0)), val(6, 0)))
    r = await asyncio.gather(val(9, 0.05), bad(0), return_exceptions=True)
    print(r[0], type(r[1]).__name__, str(r[1]))
    try:
        await asyncio.gather(val(10, 0.1), bad(0.05))
    except ValueError as e:
        print("caught", e)
    await asyncio.sleep(0.1)
asyncio.run(main())
