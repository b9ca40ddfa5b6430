# loop.set_exception_handler: an exception in a call_soon or call_later callback reaches the handler with CPython's keys (exception, handle, message); the loop goes on
import asyncio
def boom(n, label):
    raise ValueError("callback %d failed (%s)" % (n, label))
def handler(loop, context):
    print("handler got keys:", ", ".join(sorted(context.keys())))
    print("  message:", context["message"].split(" at ")[0])
    exc = context["exception"]
    print("  exception:", type(exc).__name__, str(exc))
    print("  loop is the running loop:", loop is asyncio.get_running_loop())
async def main():
    loop = asyncio.get_running_loop()
    loop.set_exception_handler(handler)
    loop.call_soon(boom, 1, "soon")
    loop.call_soon(print, "the next callback still runs")
    loop.call_later(0.01, boom, 2, "later")
    await asyncio.sleep(0.02)
    print("main finished")
asyncio.run(main())
