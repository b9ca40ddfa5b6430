# gather return_exceptions=True keeps going and returns exception values (a cancelled child gives CancelledError); without it the first error propagates and the others keep running
import asyncio
async def val(x, d):
    await asyncio.sleep(d)
    print("finished", x)
    return x
async def bad(exc, d):
    await asyncio.sleep(d)
    print("raising", type(exc).__name__)
    raise exc
async def main():
    victim = asyncio.ensure_future(val("victim", 1))
    asyncio.get_running_loop().call_later(0.02, victim.cancel)
    r = await asyncio.gather(val(1, 0.03), bad(ValueError("v"), 0.01), bad(KeyError("k"), 0), victim, return_exceptions=True)
    print(" ".join([type(x).__name__ for x in r]))
    print(r[0], str(r[1]))
    slow = asyncio.ensure_future(val("slow", 0.2))
    try:
        await asyncio.gather(slow, bad(TypeError("t"), 0.01), bad(ValueError("late"), 0.1))
    except TypeError as e:
        print("gather raised", type(e).__name__, "slow done?", slow.done())
    await asyncio.sleep(0.3)
    print("slow finished anyway:", slow.result())
    r = await asyncio.gather(return_exceptions=True)
    print(r)
asyncio.run(main())
