# timeout(0), negative timeouts and a deadline in the past fire at the next loop iteration: only a block that suspends is interrupted
import asyncio
async def main():
    loop = asyncio.get_running_loop()
    for label, make in [("timeout(0)", lambda: asyncio.timeout(0)), ("timeout(-1)", lambda: asyncio.timeout(-1)),
                        ("timeout_at(past)", lambda: asyncio.timeout_at(loop.time() - 5))]:
        async with make() as cm:
            x = len(range(10)) * 9 // 2
        print(label, "block without awaits finishes:", x, "expired:", cm.expired())
        try:
            async with make() as cm:
                await asyncio.sleep(0)
                print("not reached")
        except TimeoutError:
            print(label, "block with sleep(0) times out; expired:", cm.expired())
asyncio.run(main())
