# shield keeps an inner task running when its outer wait times out.
import asyncio


async def inner(log):
    await asyncio.sleep(0.05)
    log.append("inner finished")
    return "inner result"


async def main():
    log = []
    t = asyncio.create_task(inner(log))
    done, pending = await asyncio.wait([asyncio.shield(t)], timeout=0.01)
    print(f"{len(done)} done after the timeout")
    print(await t)
    print(log)


asyncio.run(main())
