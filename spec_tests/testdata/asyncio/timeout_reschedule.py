# timeout_at(when) and reschedule(): when() reports the deadline; moving it later lets a step finish; None disables it; an earlier deadline fires sooner
import asyncio
async def main():
    loop = asyncio.get_running_loop()
    deadline = loop.time() + 0.02
    async with asyncio.timeout_at(deadline) as cm:
        print("when() is the deadline:", cm.when() == deadline)
        cm.reschedule(cm.when() + 0.5)
        await asyncio.sleep(0.04)
        print("finished after moving the deadline; expired:", cm.expired())
    async with asyncio.timeout(None) as cm:
        print("timeout(None).when():", cm.when())
        await asyncio.sleep(0.01)
    async with asyncio.timeout(0.01) as cm:
        cm.reschedule(None)
        print("disabled:", cm.when())
        await asyncio.sleep(0.03)
    print("no timeout after reschedule(None); expired:", cm.expired())
    try:
        async with asyncio.timeout(None) as cm:
            cm.reschedule(loop.time() + 0.01)
            await asyncio.sleep(1)
    except TimeoutError:
        print("a deadline set later inside the block fires; expired:", cm.expired())
    try:
        async with asyncio.timeout(1) as cm:
            await asyncio.sleep(0.01)
            cm.reschedule(loop.time())
            print("deadline moved to now")
            await asyncio.sleep(1)
    except TimeoutError:
        print("fired on the next iteration")
asyncio.run(main())
