# cancellation requested from plain callbacks (call_soon, call_later, a done callback) and from another task
import asyncio
async def victim(name):
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print(name, "cancelled")
        raise
async def canceller(t, d):
    await asyncio.sleep(d)
    print("canceller cancels:", t.cancel())
async def main():
    loop = asyncio.get_running_loop()
    a = asyncio.ensure_future(victim("a"))
    b = asyncio.ensure_future(victim("b"))
    c = asyncio.ensure_future(victim("c"))
    d = asyncio.ensure_future(victim("d"))
    loop.call_soon(a.cancel)
    loop.call_later(0.5, b.cancel)
    trigger = loop.create_future()
    trigger.add_done_callback(lambda f: print("done callback cancels c:", c.cancel()))
    loop.call_later(1, trigger.set_result, None)
    asyncio.ensure_future(canceller(d, 1.5))
    for t in (a, b, c, d):
        try:
            await t
        except asyncio.CancelledError:
            print("awaited a cancelled task; a b c d =", a.cancelled(), b.cancelled(), c.cancelled(), d.cancelled())
    h = loop.call_later(1, print, "never printed")
    h.cancel()
    await asyncio.sleep(2)
    print("cancelled handle:", h.cancelled())
asyncio.run(main())
