# Lock: acquire() returns True, locked() tracks it, async with releases on normal exit and on an exception, and the block's value comes back
import asyncio
async def main():
    lock = asyncio.Lock()
    print("new lock locked?", lock.locked())
    print("acquire ->", await lock.acquire(), "locked?", lock.locked())
    lock.release()
    print("after release locked?", lock.locked())
    async with lock:
        print("inside async with: locked?", lock.locked())
        value = "computed under the lock"
    print(value, "| locked?", lock.locked())
    try:
        async with lock:
            raise ValueError("inside")
    except ValueError as e:
        print("exception", str(e), "left the lock released:", not lock.locked())
    async with lock as got:
        print("async with lock as x gives", got)
asyncio.run(main())
