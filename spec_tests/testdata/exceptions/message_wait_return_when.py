# asyncio.wait with an unknown return_when is a ValueError "Invalid return_when value: ..." (str of the value, as 3.11.7 words it)
import asyncio
async def main():
    for bad in ["SOMETIMES", 3, None]:
        t = asyncio.ensure_future(asyncio.sleep(0.1))
        try:
            await asyncio.wait([t], return_when=bad)
        except ValueError as e:
            print(type(e).__name__, "|" + str(e) + "|")
        await t
    done, pending = await asyncio.wait([asyncio.ensure_future(asyncio.sleep(0))], return_when=asyncio.FIRST_COMPLETED)
    print(len(done), len(pending), asyncio.FIRST_COMPLETED, asyncio.FIRST_EXCEPTION, asyncio.ALL_COMPLETED)
asyncio.run(main())
