# Timeout misuse is a RuntimeError with CPython's message: reschedule before entering, entering twice, reschedule after the block (finished or expired)
import asyncio
async def main():
    cm = asyncio.timeout(1)
    try:
        cm.reschedule(None)
    except RuntimeError as e:
        print("before entering:", type(e).__name__, str(e))
    print("expired before entering:", cm.expired())
    async with cm:
        try:
            async with cm:
                pass
        except RuntimeError as e:
            print("entering twice:", str(e))
    try:
        cm.reschedule(None)
    except RuntimeError as e:
        print("after the block:", str(e))
    cm = asyncio.timeout(0)
    try:
        async with cm:
            await asyncio.sleep(1)
    except TimeoutError:
        pass
    try:
        cm.reschedule(None)
    except RuntimeError as e:
        print("after it expired:", str(e))
    try:
        async with cm:
            pass
    except RuntimeError as e:
        print("reusing an expired one:", str(e))
asyncio.run(main())
