# wait_for timing out cancels the inner task and waits for its multi-step cleanup before raising TimeoutError
import asyncio
async def ticker(n):
    for i in range(n):
        print("  tick", i)
        await asyncio.sleep(0.2)
async def slow():
    try:
        print("slow starts")
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("slow cleanup 1")
        await asyncio.sleep(0.4)
        print("slow cleanup 2")
        await asyncio.sleep(0.4)
        print("slow cleanup done")
        raise
    finally:
        print("slow finally")
async def main():
    tick = asyncio.ensure_future(ticker(10))
    t = asyncio.ensure_future(slow())
    try:
        await asyncio.wait_for(t, 0.7)
    except asyncio.TimeoutError as e:
        print("TimeoutError |" + str(e) + "|; inner done:", t.done(), "cancelled:", t.cancelled())
    try:
        await asyncio.wait_for(slow(), 0)
    except asyncio.TimeoutError:
        print("zero timeout: TimeoutError")
    await tick
asyncio.run(main())
