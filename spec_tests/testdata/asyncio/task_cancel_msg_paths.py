# cancel(msg) travels: to a task awaiting another task, through gather to its children, through wait_for, and not into a shielded inner task
import asyncio
async def sleeper(name):
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError as e:
        print(" ", name, "got |" + str(e) + "|")
        raise
async def awaiting(inner):
    try:
        await inner
    except asyncio.CancelledError as e:
        print("  awaiting sees |" + str(e) + "|")
        raise
async def shielded(inner):
    return await asyncio.shield(inner)
async def cancel_and_report(label, t, msg):
    print("--", label)
    await asyncio.sleep(0)
    t.cancel(msg)
    try:
        await t
    except asyncio.CancelledError as e:
        print("  outcome |" + str(e) + "|")
async def main():
    inner = asyncio.create_task(sleeper("inner"))
    await asyncio.sleep(0)
    outer = asyncio.create_task(awaiting(inner))
    await cancel_and_report("cancel the inner task", inner, "inner stop")
    await asyncio.sleep(0)
    print("  outer cancelled too:", outer.cancelled())
    g = asyncio.gather(sleeper("child-1"), sleeper("child-2"))
    await cancel_and_report("cancel a gather", g, "gather stop")
    w = asyncio.create_task(asyncio.wait_for(sleeper("timed"), 5))
    await asyncio.sleep(0)
    await cancel_and_report("cancel a wait_for", w, "wait_for stop")
    s = asyncio.create_task(sleeper("shielded"))
    outer2 = asyncio.create_task(shielded(s))
    await cancel_and_report("cancel a shield", outer2, "shield stop")
    print("  shielded still running:", not s.done())
    s.cancel()
    await asyncio.gather(s, return_exceptions=True)
asyncio.run(main())
