# A lock held across awaits, acquired and released explicitly.
import asyncio


async def critical(lock, name, log):
    await lock.acquire()
    log.append(f"{name} in")
    await asyncio.sleep(0.01)
    log.append(f"{name} out")
    lock.release()


async def main():
    lock = asyncio.Lock()
    log = []
    await asyncio.gather(*[critical(lock, f"t{i}", log) for i in range(3)])
    print(log)
    print(f"locked: {lock.locked()}")


asyncio.run(main())
