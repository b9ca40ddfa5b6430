import asyncio


async def bad():
    raise ValueError("bad")


async def slow():
    await asyncio.sleep(10)
    return "slow"


async def main():
    s = asyncio.ensure_future(slow())
    g = asyncio.gather(bad(), s)
    try:
        await g
    except ValueError as e:
        print("gather raised", type(e).__name__, e)
    print("gather done:", g.done())
    print("cancel of a done gather:", g.cancel())
    print("slow cancelled:", s.cancelled())
    print("slow result:", await s)


asyncio.run(main())
