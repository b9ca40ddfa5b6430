# as_completed yields results in completion order; timeout raises TimeoutError
import asyncio
async def val(x, d):
    await asyncio.sleep(d)
    return x
async def main():
    for f in asyncio.as_completed([val("c", 0.15), val("a", 0.05), val("b", 0.1)]):
        print(await f)
    got = []
    try:
        for f in asyncio.as_completed([val("fast", 0.05), val("slow", 1)], timeout=0.1):
            got.append(await f)
    except asyncio.TimeoutError:
        print("timeout after", got[0])
asyncio.run(main())
