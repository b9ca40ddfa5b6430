# BoundedSemaphore refuses to be released above its start value (ValueError); Semaphore(-1) is a ValueError; both messages are CPython's
import asyncio
async def main():
    bs = asyncio.BoundedSemaphore(2)
    async with bs:
        print("inside: locked?", bs.locked())
    try:
        bs.release()
    except ValueError as e:
        print(type(e).__name__, str(e))
    await bs.acquire()
    bs.release()
    print("acquire/release pairs are fine; locked?", bs.locked())
    one = asyncio.BoundedSemaphore()
    await one.acquire()
    print("BoundedSemaphore() holds one: locked?", one.locked())
    one.release()
    try:
        one.release()
    except ValueError as e:
        print("second release:", str(e))
    for name, ctor in [("Semaphore", asyncio.Semaphore), ("BoundedSemaphore", asyncio.BoundedSemaphore)]:
        try:
            ctor(-1)
        except ValueError as e:
            print(name, "(-1):", str(e))
asyncio.run(main())
