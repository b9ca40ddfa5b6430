# create_task errors: a non-coroutine is a TypeError naming it; with no running loop asyncio.create_task is a RuntimeError
import asyncio
async def noop():
    return None
async def main():
    for bad in [1, None, "text"]:
        try:
            asyncio.create_task(bad)
        except TypeError as e:
            print(type(e).__name__, str(e))
    try:
        asyncio.get_running_loop().create_task(2.5)
    except TypeError as e:
        print("loop.create_task:", type(e).__name__, str(e))
    t = asyncio.create_task(noop())
    try:
        asyncio.create_task(t)
    except TypeError as e:
        print("a task is not a coroutine:", str(e).startswith("a coroutine was expected, got <Task"))
    await t
asyncio.run(main())
c = noop()
try:
    asyncio.create_task(c)
except RuntimeError as e:
    print("outside a loop:", type(e).__name__, str(e))
asyncio.run(c)
try:
    asyncio.get_running_loop()
except RuntimeError as e:
    print("get_running_loop:", str(e))
