# Task.done()/cancelled()/cancelling() at each point of a cancelled task's life, including while it cleans up
import asyncio
def state(label, t):
    print(label.ljust(22), "done=%s cancelled=%s cancelling=%d" % (t.done(), t.cancelled(), t.cancelling()))
async def victim(holder):
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        state("inside handler", holder[0])
        await asyncio.sleep(0.1)
        state("after cleanup await", holder[0])
        raise
async def main():
    holder = []
    t = asyncio.ensure_future(victim(holder))
    holder.append(t)
    state("created", t)
    await asyncio.sleep(0)
    state("running", t)
    t.cancel()
    state("cancel requested", t)
    await asyncio.sleep(0)
    state("cleaning up", t)
    try:
        await t
    except asyncio.CancelledError:
        pass
    state("finished", t)
    ok = asyncio.ensure_future(asyncio.sleep(0.1, "ok"))
    state("ok created", ok)
    await ok
    state("ok finished", ok)
    bad = asyncio.ensure_future(asyncio.wait_for(asyncio.sleep(1), 0.1))
    try:
        await bad
    except asyncio.TimeoutError:
        pass
    state("failed", bad)
asyncio.run(main())
