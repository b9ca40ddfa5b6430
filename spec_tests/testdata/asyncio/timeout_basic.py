# asyncio.timeout: a slow step is cancelled inside the block (CancelledError) and TimeoutError comes out of it; a fast step finishes; expired() tells which
import asyncio
async def step(name, delay):
    try:
        await asyncio.sleep(delay)
        print(name, "finished")
        return name
    except asyncio.CancelledError:
        print(name, "cancelled inside the block")
        raise
async def main():
    try:
        async with asyncio.timeout(0.02) as cm:
            await step("slow", 1)
        print("not reached")
    except TimeoutError as e:
        print("TimeoutError out of the block |" + str(e) + "|", type(e).__name__, "expired:", cm.expired())
    async with asyncio.timeout(0.5) as cm:
        r = await step("fast", 0.01)
    print("fast result", r, "expired:", cm.expired())
    print("same task inside and out:", asyncio.current_task().get_name())
    print("cancelling after a timeout:", asyncio.current_task().cancelling())
asyncio.run(main())
