# A future resolved by call_later, awaited by an async def.
import asyncio


def on_done(fut):
    print(f"callback saw {fut.result()!r}")


async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    fut.add_done_callback(on_done)
    loop.call_later(0.02, fut.set_result, "ready")
    print(f"pending: {not fut.done()}")
    value = await fut
    print(f"awaited {value}")
    await asyncio.sleep(0)


asyncio.run(main())
