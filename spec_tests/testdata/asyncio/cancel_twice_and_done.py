# cancel() return values: True while pending (also the second time), False once done; cancelling() counts requests
import asyncio
async def sleeper(d):
    await asyncio.sleep(d)
    return "slept"
async def catcher():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("catcher: cancelling() =", asyncio.current_task().cancelling())
        await asyncio.sleep(0.1)
        return "caught"
async def main():
    t = asyncio.ensure_future(sleeper(1))
    await asyncio.sleep(0)
    print(t.cancel(), t.cancelling(), t.cancel(), t.cancelling(), t.cancel("with message"), t.cancelling())
    try:
        await t
    except asyncio.CancelledError:
        print("after:", t.cancelled(), t.cancel(), t.cancel())
    d = asyncio.ensure_future(sleeper(0))
    print("done result:", await d, "cancel:", d.cancel(), d.cancelled())
    loop = asyncio.get_running_loop()
    f = loop.create_future()
    print("future:", f.cancel(), f.cancel(), f.cancelled())
    g = loop.create_future()
    g.set_result(1)
    print("done future:", g.cancel(), g.cancelled())
    c = asyncio.ensure_future(catcher())
    await asyncio.sleep(0)
    print("first:", c.cancel(), "second:", c.cancel())
    await asyncio.sleep(0)
    print("while catcher cleans up:", c.cancel(), c.cancelling())
    try:
        print("catcher returned", await c)
    except asyncio.CancelledError:
        print("catcher was cancelled again:", c.cancelled())
asyncio.run(main())
