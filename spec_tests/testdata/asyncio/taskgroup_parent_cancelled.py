# cancelling the task that runs a TaskGroup cancels the children and the group re-raises CancelledError (no ExceptionGroup); its message survives
import asyncio
async def child(name, log):
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        log.append(name)
        raise
async def owner(log):
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(child("c1", log))
            tg.create_task(child("c2", log))
            await asyncio.sleep(1)
    except asyncio.CancelledError as e:
        print("owner sees CancelledError |" + str(e) + "|; children cancelled:", " ".join(sorted(log)))
        raise
async def main():
    log = []
    t = asyncio.create_task(owner(log))
    await asyncio.sleep(0.01)
    t.cancel("stop now")
    try:
        await t
    except asyncio.CancelledError:
        print("owner task cancelled:", t.cancelled())
    log.clear()
    u = asyncio.create_task(owner(log))
    await asyncio.sleep(0.01)
    r = await asyncio.wait_for(asyncio.shield(asyncio.sleep(0, "ok")), 1)
    try:
        await asyncio.wait_for(u, 0.01)
    except TimeoutError:
        print("wait_for on the owner timed out; owner cancelled:", u.cancelled(), r)
asyncio.run(main())
