# wait_for timing out on an inner task that swallows the cancellation: wait_for returns the inner task's result
import asyncio
async def swallower(result):
    try:
        await asyncio.sleep(10)
        return "never"
    except asyncio.CancelledError:
        print("swallower ignores the cancellation")
        await asyncio.sleep(0.1)
        return result
async def raiser():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("raiser turns the cancellation into ValueError")
        raise ValueError("cleanup failed")
async def main():
    t = asyncio.ensure_future(swallower("late result"))
    try:
        r = await asyncio.wait_for(t, 0.5)
        print("wait_for returned", r, "task cancelled:", t.cancelled())
    except asyncio.TimeoutError:
        print("TimeoutError")
    try:
        r = await asyncio.wait_for(swallower(None), 0.5)
        print("wait_for returned", r)
    except asyncio.TimeoutError:
        print("TimeoutError")
    try:
        await asyncio.wait_for(raiser(), 0.5)
    except asyncio.TimeoutError:
        print("TimeoutError")
    except ValueError as e:
        print("wait_for raised the cleanup's", type(e).__name__, str(e))
asyncio.run(main())
