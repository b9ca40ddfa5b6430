# a task awaits Futures completed by timers: value, exception, cancellation; await on a done future does not wait
import asyncio
async def main():
    loop = asyncio.get_running_loop()
    f = loop.create_future()
    loop.call_later(0.1, f.set_result, [1, 2, 3])
    print("got", await f)
    g = loop.create_future()
    loop.call_later(0.1, g.set_exception, ValueError("from timer"))
    try:
        await g
    except ValueError as e:
        print("caught", type(e).__name__, str(e))
    h = loop.create_future()
    loop.call_later(0.1, h.cancel)
    try:
        await h
    except asyncio.CancelledError:
        print("h cancelled:", h.cancelled())
    print("task not cancelled:", asyncio.current_task().cancelled())
    d = loop.create_future()
    d.set_result("ready")
    loop.call_soon(print, "callback queued before await of done future")
    print("await done:", await d)
    print("again:", await d)
    print("after")
    await asyncio.sleep(0)
    return "main done"
print(asyncio.run(main()))
