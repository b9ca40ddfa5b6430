# RuntimeErrors of the loop: closed loop, running loop, coroutine awaited twice
import asyncio
loop = asyncio.new_event_loop()
async def nested():
    try:
        loop.run_until_complete(asyncio.sleep(0))
    except RuntimeError as e:
        print("nested run:", type(e).__name__)
    c = asyncio.sleep(0)
    await c
    try:
        await c
    except RuntimeError as e:
        print("awaited twice:", type(e).__name__)
loop.run_until_complete(nested())
loop.close()
try:
    loop.call_soon(print, "x")
except RuntimeError as e:
    print("closed:", type(e).__name__)
try:
    loop.run_until_complete(asyncio.sleep(0))
except RuntimeError as e:
    print("closed run:", type(e).__name__)
