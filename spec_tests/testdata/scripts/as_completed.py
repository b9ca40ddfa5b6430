import asyncio

async def fetch(name, delay):
    await asyncio.sleep(delay)
    return "%s after %ss" % (name, delay)

async def main():
    fs = [fetch("slow", 3), fetch("fast", 1), fetch("medium", 2)]
    for f in asyncio.as_completed(fs):
        result = await f
        print(result)

loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
loop.run_until_complete(main())
loop.close()
