# asyncio.TimeoutError is the builtin TimeoutError, an OSError: wait_for's timeout is caught by OSError, and errno is None
import asyncio
print(asyncio.TimeoutError == TimeoutError, issubclass(asyncio.TimeoutError, OSError))
d = {TimeoutError: "builtin"}
print(d[asyncio.TimeoutError])
async def main():
    try:
        await asyncio.wait_for(asyncio.sleep(10), 0.5)
    except OSError as e:
        print("OSError handler:", type(e).__name__, e.__class__ == TimeoutError, "|" + str(e) + "|", e.errno, e.strerror)
    try:
        await asyncio.wait_for(asyncio.sleep(10), 0.5)
    except TimeoutError as e:
        print("TimeoutError handler:", isinstance(e, asyncio.TimeoutError), isinstance(e, ConnectionError))
asyncio.run(main())
