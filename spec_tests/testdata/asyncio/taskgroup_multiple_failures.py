# children failing in the same loop iteration all land in the ExceptionGroup, in the order they finished; the slow sibling is cancelled
import asyncio
async def fail_after(n, exc):
    for _ in range(n):
        await asyncio.sleep(0)
    raise exc
async def slow(cancelled):
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        cancelled.append("slow")
        raise
async def main():
    cancelled = []
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fail_after(2, KeyError("k")))
            tg.create_task(fail_after(2, ValueError("v")))
            tg.create_task(slow(cancelled))
            tg.create_task(fail_after(2, TypeError("t")))
    except ExceptionGroup as eg:
        print(str(eg))
        for e in eg.exceptions:
            print(" ", type(e).__name__, str(e))
    print("cancelled:", " ".join(cancelled))
asyncio.run(main())
