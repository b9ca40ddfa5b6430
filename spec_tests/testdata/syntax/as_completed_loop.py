# as_completed yields awaitables in the order they finish.
import asyncio


async def after(delay, label):
    await asyncio.sleep(delay)
    return label


async def main():
    aws = [after(0.05, "slow"), after(0.01, "fast"), after(0.03, "middle")]
    for f in asyncio.as_completed(aws):
        label = await f
        print(f"got {label}")


asyncio.run(main())
