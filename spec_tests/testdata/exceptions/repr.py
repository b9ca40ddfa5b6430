# repr() of exception values is Python's: Type(args) (inside a list and with %r asyncrun shows the message: see README)
import asyncio
async def main():
    t = asyncio.ensure_future(asyncio.sleep(0))
    t2 = asyncio.ensure_future(asyncio.wait_for(asyncio.sleep(1), 0.1))
    try:
        await t2
    except asyncio.TimeoutError as e:
        print(repr(e))
    print(repr(ValueError("bad")), repr(Exception()), repr(RuntimeError(1, 2)))
    await t
asyncio.run(main())
