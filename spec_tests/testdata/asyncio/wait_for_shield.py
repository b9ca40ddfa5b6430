# wait_for in time, timing out (inner task cancelled, cleanup first), None timeout; shield
import asyncio
async def slow(name, d):
    try:
        await asyncio.sleep(d)
        print(name, "finished")
        return name
    except asyncio.CancelledError:
        print(name, "cancelled, cleaning up")
        await asyncio.sleep(0.01)
        print(name, "cleaned up")
        raise
async def main():
    print(await asyncio.wait_for(slow("quick", 0.05), 1))
    try:
        await asyncio.wait_for(slow("slow", 1), 0.1)
    except asyncio.TimeoutError as e:
        print("timeout:", type(e).__name__)
    print(await asyncio.wait_for(slow("untimed", 0.05), None))
    inner = asyncio.ensure_future(slow("shielded", 0.2))
    try:
        await asyncio.wait_for(asyncio.shield(inner), 0.05)
    except asyncio.TimeoutError:
        print("outer timed out; inner cancelled?", inner.cancelled())
    print(await inner)
asyncio.run(main())
