# needs: sleep
# cancelling wait() does not kill the process (as CPython); the script
# kills it in its handler: on a wait_for timeout, and in a task cancelled
# while it waits (its except clause kills, waits and re-raises); the task
# says when its child has started, so a slow start is not a cancelled one
import asyncio

async def run_until_cancelled(log, started):
    p = await asyncio.create_subprocess_exec("sleep", "30")
    started.set()
    try:
        return await p.wait()
    except asyncio.CancelledError:
        p.kill()
        log.append("child killed: %d" % await p.wait())
        raise

async def main():
    p = await asyncio.create_subprocess_exec("sleep", "30")
    try:
        await asyncio.wait_for(p.wait(), 0.2)
    except TimeoutError:
        print("timed out; still running:", p.returncode is None)
        p.kill()
        print("killed:", await p.wait())

    p = await asyncio.create_subprocess_exec("sleep", "2")
    waiter = asyncio.create_task(p.wait())
    await asyncio.sleep(0.05)
    waiter.cancel()
    try:
        await waiter
    except asyncio.CancelledError:
        print("waiter cancelled; the process runs on:", p.returncode is None)
    print("it ends by itself:", await p.wait())

    log = []
    started = asyncio.Event()
    task = asyncio.create_task(run_until_cancelled(log, started))
    await started.wait()
    task.cancel()
    try:
        await task
    except asyncio.CancelledError:
        print("task cancelled:", task.cancelled(), "|", log[0])

asyncio.run(main())
