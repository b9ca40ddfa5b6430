# a task cancelled from outside while inside asyncio.timeout (before the deadline) ends cancelled: the block does not turn that into TimeoutError
import asyncio
async def guarded(log):
    cm = asyncio.timeout(1)
    try:
        async with cm:
            await asyncio.sleep(10)
    except TimeoutError:
        log.append("TimeoutError (wrong)")
    except asyncio.CancelledError as e:
        log.append("CancelledError |" + str(e) + "|, expired " + str(cm.expired()))
        raise
async def main():
    log = []
    t = asyncio.create_task(guarded(log))
    await asyncio.sleep(0.01)
    t.cancel("from outside")
    await asyncio.gather(t, return_exceptions=True)
    print(log[0], "| task cancelled:", t.cancelled())
    log.clear()
    u = asyncio.create_task(guarded(log))
    try:
        await asyncio.wait_for(u, 0.01)
    except TimeoutError:
        print("wait_for's own timeout:", log[0], "| cancelled:", u.cancelled())
asyncio.run(main())
