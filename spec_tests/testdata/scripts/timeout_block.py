# timeout_block: asyncio.timeout around a slow step (it is cancelled, TimeoutError comes out), then around a fast one.
import asyncio

async def step(name, seconds):
    try:
        await asyncio.sleep(seconds)
    except asyncio.CancelledError:
        print(name, "interrupted")
        raise
    print(name, "finished in", seconds, "s")
    return name

async def main():
    try:
        async with asyncio.timeout(0.5) as cm:
            await step("slow step", 2)
    except TimeoutError:
        print("slow step timed out; expired:", cm.expired())
    async with asyncio.timeout(0.5) as cm:
        result = await step("fast step", 0.1)
    print("fast step returned", result, "; expired:", cm.expired())

asyncio.run(main())
