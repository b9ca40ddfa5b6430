# cancel(msg): the message reaches the CancelledError inside the task and the one raised to its awaiter
import asyncio
async def victim(name):
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError as e:
        print(name, "inside sees", type(e).__name__, "|" + str(e) + "|", len(e.args))
        raise
async def main():
    for name, msg in [("plain", None), ("with-msg", "shutting down")]:
        t = asyncio.ensure_future(victim(name))
        await asyncio.sleep(0)
        if msg is None:
            t.cancel()
        else:
            t.cancel(msg)
        try:
            await t
        except asyncio.CancelledError as e:
            print(name, "awaiter sees |" + str(e) + "|")
        try:
            t.result()
        except asyncio.CancelledError as e:
            print(name, "result() raises |" + str(e) + "|")
    loop = asyncio.get_running_loop()
    f = loop.create_future()
    f.cancel("future message")
    try:
        await f
    except asyncio.CancelledError as e:
        print("future awaiter sees |" + str(e) + "|")
    try:
        f.exception()
    except asyncio.CancelledError as e:
        print("future exception() raises |" + str(e) + "|")
    u = asyncio.ensure_future(victim("unstarted"))
    u.cancel("before start")
    try:
        await u
    except asyncio.CancelledError as e:
        print("unstarted awaiter sees |" + str(e) + "|")
asyncio.run(main())
