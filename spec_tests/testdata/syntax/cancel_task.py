# Cancelling a task that awaits: it ends cancelled, its awaiter sees it.
import asyncio


async def forever(log):
    log.append("started")
    await asyncio.sleep(10)
    log.append("never")


async def main():
    log = []
    t = asyncio.create_task(forever(log))
    await asyncio.sleep(0.01)
    print(f"cancel requested: {t.cancel()}")
    await asyncio.wait([t])
    print(f"{t.cancelled()=} {t.done()=} {log=}")


asyncio.run(main())
