import asyncio

async def eternity():
    try:
        await asyncio.sleep(3600)
        print("yay!")
    except asyncio.CancelledError as e:
        print("eternity() was cancelled")
        raise

async def quick():
    await asyncio.sleep(0.5)
    return "quick result"

async def main():
    print(await asyncio.wait_for(quick(), 60.0))
    try:
        await asyncio.wait_for(eternity(), 1.0)
    except asyncio.TimeoutError:
        print("timeout!")

loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
loop.run_until_complete(main())
loop.close()
