import asyncio

async def something():
    await asyncio.sleep(2)
    print("something() finished anyway")
    return 42

async def waiter(inner):
    try:
        res = await asyncio.shield(inner)
    except asyncio.CancelledError:
        res = None
    print("waiter got", res)

async def main():
    inner = asyncio.ensure_future(something())
    w = asyncio.ensure_future(waiter(inner))
    await asyncio.sleep(1)
    w.cancel()
    await w
    print("inner result:", await inner)

loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
loop.run_until_complete(main())
loop.close()
