# Lock misuse: releasing an unlocked lock is a RuntimeError with CPython's message, also twice in a row and from async with's exit
import asyncio
async def main():
    lock = asyncio.Lock()
    try:
        lock.release()
    except RuntimeError as e:
        print(type(e).__name__, str(e))
    await lock.acquire()
    lock.release()
    try:
        lock.release()
    except RuntimeError as e:
        print("second release:", str(e))
    try:
        async with lock:
            lock.release()
            print("released by hand inside the block")
    except RuntimeError as e:
        print("exit of the block:", str(e))
    print("still usable:", await lock.acquire())
asyncio.run(main())
