# in Python 3.11 asyncio.TimeoutError is the builtin TimeoutError: handlers for either catch wait_for's timeout and a raised one
import asyncio
async def main():
    print(TimeoutError is asyncio.TimeoutError, asyncio.TimeoutError.__name__)
    try:
        await asyncio.wait_for(asyncio.sleep(1), 0.1)
    except TimeoutError as e:
        print("builtin handler caught", type(e).__name__, e.__class__ is asyncio.TimeoutError)
    try:
        raise TimeoutError("raised builtin")
    except asyncio.TimeoutError as e:
        print("asyncio handler caught", str(e))
    try:
        raise asyncio.InvalidStateError("not a timeout")
    except TimeoutError:
        print("never")
    except Exception as e:
        print("InvalidStateError is not a TimeoutError:", type(e).__name__)
    fs = [asyncio.sleep(5)]
    try:
        for f in asyncio.as_completed(fs, timeout=0.5):
            await f
    except TimeoutError as e:
        print("as_completed timeout is a TimeoutError too")
    done, pending = await asyncio.wait([asyncio.ensure_future(asyncio.sleep(5))], timeout=0.5)
    print("wait timeout raises nothing:", len(done), len(pending))
    for t in pending:
        t.cancel()
asyncio.run(main())
