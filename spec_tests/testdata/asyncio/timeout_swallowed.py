# a block that catches the CancelledError of an expiring timeout and returns normally gets no TimeoutError; expired() is still True and the task is not cancelled
import asyncio
async def main():
    async with asyncio.timeout(0.01) as cm:
        try:
            await asyncio.sleep(1)
        except asyncio.CancelledError:
            print("caught the cancellation inside the block")
        print("block ends normally")
    print("no TimeoutError; expired:", cm.expired(), "cancelling:", asyncio.current_task().cancelling())
    await asyncio.sleep(0.01)
    print("later awaits work")
    try:
        async with asyncio.timeout(0.01) as cm:
            try:
                await asyncio.sleep(1)
            except asyncio.CancelledError:
                raise ValueError("replaced")
    except ValueError as e:
        print("an exception raised instead passes through:", str(e), cm.expired())
asyncio.run(main())
