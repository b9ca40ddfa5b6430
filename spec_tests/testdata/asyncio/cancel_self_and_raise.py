# a task cancelling itself (CancelledError at its next await), and a task raising CancelledError itself (it ends cancelled)
import asyncio
async def self_canceller():
    print("cancel myself:", asyncio.current_task().cancel())
    print("still running until the next await")
    try:
        await asyncio.sleep(0)
        print("never")
    except asyncio.CancelledError:
        print("CancelledError at the next await")
        raise
async def raiser(msg):
    await asyncio.sleep(0)
    raise asyncio.CancelledError(msg)
async def main():
    t = asyncio.ensure_future(self_canceller())
    try:
        await t
    except asyncio.CancelledError:
        print("t cancelled:", t.cancelled())
    r = asyncio.ensure_future(raiser("raised by hand"))
    try:
        await r
    except asyncio.CancelledError as e:
        print("r cancelled:", r.cancelled(), "done:", r.done(), "|" + str(e) + "|")
    try:
        r.exception()
    except asyncio.CancelledError:
        print("r.exception() raises CancelledError")
    try:
        await raiser("inline")
    except asyncio.CancelledError as e:
        print("inline coroutine raised |" + str(e) + "|; main not cancelled:", not asyncio.current_task().cancelled())
asyncio.run(main())
