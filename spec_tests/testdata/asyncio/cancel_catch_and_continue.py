# a task that catches CancelledError and goes on: it keeps awaiting, returns a result, and ends not cancelled
import asyncio
async def stubborn():
    log = []
    for i in range(3):
        try:
            await asyncio.sleep(1)
            log.append("slept %d" % i)
        except asyncio.CancelledError:
            log.append("ignored cancel %d" % i)
            print("stubborn ignores cancel", i)
    await asyncio.sleep(0.5)
    return ", ".join(log)
async def main():
    t = asyncio.ensure_future(stubborn())
    await asyncio.sleep(0.5)
    print("cancel 1:", t.cancel())
    await asyncio.sleep(0)
    print("after first cancel:", t.done(), t.cancelled())
    await asyncio.sleep(1.2)
    print("cancel 2:", t.cancel())
    r = await t
    print("result:", r)
    print("done:", t.done(), "cancelled:", t.cancelled(), "exception:", t.exception())
    print("cancel after done:", t.cancel(), t.cancelled())
asyncio.run(main())
