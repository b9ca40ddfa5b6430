# read-modify-write across an await loses updates without a lock and none with one; gather runs the workers concurrently
import asyncio
async def unsafe(state):
    for _ in range(5):
        v = state[0]
        await asyncio.sleep(0)
        state[0] = v + 1
async def safe(state, lock):
    for _ in range(5):
        async with lock:
            v = state[0]
            await asyncio.sleep(0)
            state[0] = v + 1
async def main():
    state = [0]
    await asyncio.gather(*[unsafe(state) for _ in range(4)])
    print("without a lock:", state[0])
    state = [0]
    lock = asyncio.Lock()
    await asyncio.gather(*[safe(state, lock) for _ in range(4)])
    print("with a lock:", state[0])
asyncio.run(main())
