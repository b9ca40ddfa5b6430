# cancel a sleeping task, a task before its first step, twice, after done; catch and go on
import asyncio
async def sleeper(name):
    print(name, "starts")
    await asyncio.sleep(1)
    print(name, "never here")
async def stubborn():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError:
        print("stubborn caught it")
    return "kept going"
async def main():
    t = asyncio.ensure_future(sleeper("t"))
    await asyncio.sleep(0)
    print(t.cancel(), t.cancel())
    try:
        await t
    except asyncio.CancelledError:
        print("t cancelled:", t.cancelled())
    u = asyncio.ensure_future(sleeper("u"))
    print(u.cancel())
    await asyncio.sleep(0)
    print("u cancelled before it ran:", u.cancelled())
    s = asyncio.ensure_future(stubborn())
    await asyncio.sleep(0)
    s.cancel()
    print(await s, s.cancelled())
    print(s.cancel())
asyncio.run(main())
