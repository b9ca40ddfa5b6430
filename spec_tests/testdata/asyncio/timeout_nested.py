# nested timeouts: the inner one expiring raises TimeoutError inside the outer block, which goes on; the outer one expiring while inside the inner raises only outside
import asyncio
async def main():
    async with asyncio.timeout(0.5) as outer:
        try:
            async with asyncio.timeout(0.01) as inner:
                await asyncio.sleep(1)
        except TimeoutError:
            print("inner expired:", inner.expired(), "outer expired:", outer.expired())
        await asyncio.sleep(0.01)
        print("outer block goes on")
    print("outer finished; expired:", outer.expired())
    try:
        async with asyncio.timeout(0.01) as outer:
            try:
                async with asyncio.timeout(1) as inner:
                    await asyncio.sleep(1)
            except TimeoutError:
                print("not this one")
            except asyncio.CancelledError:
                print("inner block sees CancelledError; inner expired:", inner.expired())
                raise
    except TimeoutError:
        print("outer TimeoutError; outer expired:", outer.expired(), "inner expired:", inner.expired())
    print("cancelling:", asyncio.current_task().cancelling())
asyncio.run(main())
