# ensure_future of a value that is not awaitable is a TypeError with CPython's message
import asyncio
async def main():
    for bad in [42, "text", None]:
        try:
            asyncio.ensure_future(bad)
        except TypeError as e:
            print(type(e).__name__, "|" + str(e) + "|")
    try:
        await asyncio.gather(asyncio.sleep(0), 42)
    except TypeError as e:
        print("gather:", type(e).__name__, "|" + str(e) + "|")
asyncio.run(main())
