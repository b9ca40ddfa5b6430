# Semaphore(n): n holders at once, locked() when none is left, async with releases; a plain Semaphore may be released above its start value
import asyncio
async def main():
    sem = asyncio.Semaphore(2)
    print("locked?", sem.locked())
    print(await sem.acquire(), "locked?", sem.locked())
    print(await sem.acquire(), "locked?", sem.locked())
    sem.release()
    print("one released: locked?", sem.locked())
    sem.release()
    async with sem:
        async with sem:
            print("two holders inside: locked?", sem.locked())
        print("one holder: locked?", sem.locked())
    sem.release()
    print("released beyond the start value; three acquires succeed at once:")
    for _ in range(3):
        await sem.acquire()
    print("locked now?", sem.locked())
    default = asyncio.Semaphore()
    async with default:
        print("Semaphore() holds one: locked?", default.locked())
    zero = asyncio.Semaphore(0)
    print("Semaphore(0) locked?", zero.locked())
asyncio.run(main())
