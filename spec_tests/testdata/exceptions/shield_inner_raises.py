# shield(): the inner task's exception reaches the awaiting task; cancelling the outer leaves the inner to fail on its own
import asyncio
async def inner(name, d):
    await asyncio.sleep(d)
    print(name, "raises")
    raise RuntimeError(name)
async def main():
    t = asyncio.ensure_future(inner("first", 0.1))
    try:
        await asyncio.shield(t)
    except RuntimeError as e:
        print("caught through shield:", str(e))
    u = asyncio.ensure_future(inner("second", 0.3))
    outer = asyncio.shield(u)
    asyncio.get_running_loop().call_later(0.1, outer.cancel)
    try:
        await outer
    except asyncio.CancelledError:
        print("outer cancelled:", outer.cancelled(), "inner done:", u.done())
    try:
        await u
    except RuntimeError as e:
        print("inner failed later:", str(e), u.cancelled())
    try:
        await asyncio.shield(inner("coro", 0))
    except RuntimeError as e:
        print("shielded coroutine:", str(e))
asyncio.run(main())
