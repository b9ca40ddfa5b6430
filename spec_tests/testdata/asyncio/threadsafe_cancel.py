# run_coroutine_threadsafe on the loop's own thread: cancelling the concurrent future runs its callbacks at once, and the task still takes its first step
import asyncio
async def stoppable():
    print("stoppable starts")
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        print("stoppable cancelled")
        raise
def from_callback(loop):
    c = asyncio.run_coroutine_threadsafe(stoppable(), loop)
    c.add_done_callback(lambda f: print("cf callback, cancelled:", f.cancelled()))
    print("cancel:", c.cancel())
    print("after cancel:", c.cancelled(), c.done())
    loop.call_soon(print, "queued after cancel")
loop = asyncio.new_event_loop()
loop.call_soon(from_callback, loop)
loop.call_later(0.1, loop.stop)
loop.run_forever()
loop.close()
