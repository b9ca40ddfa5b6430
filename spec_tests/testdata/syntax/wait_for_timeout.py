# wait_for with async defs: in time, and a timeout seen through wait.
import asyncio


async def slow(x):
    await asyncio.sleep(0.05)
    return x


async def main():
    r = await asyncio.wait_for(slow("fast enough"), timeout=1)
    print(r)
    t = asyncio.ensure_future(slow("never"))
    done, pending = await asyncio.wait([t], timeout=0.01)
    print(f"{len(done)} done, {len(pending)} pending")
    t.cancel()
    done, pending = await asyncio.wait([t])
    print(f"cancelled: {t.cancelled()}")


asyncio.run(main())
