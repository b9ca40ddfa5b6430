# a finished task awaited twice gives the same result (or raises the same exception) each time, without waiting
import asyncio
async def ok():
    await asyncio.sleep(0.01)
    return {"k": [1, 2]}
async def fails():
    await asyncio.sleep(0.01)
    raise KeyError("missing")
async def main():
    t = asyncio.ensure_future(ok())
    r1 = await t
    r2 = await t
    r1["extra"] = 1
    print(r1 == r2, "extra" in r2, r1["k"], t.result()["k"])
    u = asyncio.ensure_future(fails())
    for i in range(2):
        try:
            await u
        except KeyError as e:
            print("attempt", i, type(e).__name__, e is u.exception())
    try:
        u.result()
    except KeyError as e:
        print("result() raises", type(e).__name__)
    asyncio.get_running_loop().call_soon(print, "callback first?")
    print((await t)["k"], "no suspension")
    await asyncio.sleep(0)
asyncio.run(main())
