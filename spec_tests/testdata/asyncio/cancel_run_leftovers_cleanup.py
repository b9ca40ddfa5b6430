# asyncio.run cancels the tasks left when main returns; their except/finally blocks run and may await before run returns
import asyncio
async def background(name, d):
    try:
        while True:
            await asyncio.sleep(d)
            print(name, "tick")
    except asyncio.CancelledError:
        print(name, "cancelled by asyncio.run")
        await asyncio.sleep(0.5)
        print(name, "cleanup awaited")
        raise
    finally:
        print(name, "finally")
async def swallows():
    try:
        await asyncio.sleep(100)
    except asyncio.CancelledError:
        print("swallows the cancel and returns")
        return "ignored"
async def main():
    asyncio.ensure_future(background("bg1", 0.3))
    asyncio.ensure_future(background("bg2", 0.4))
    asyncio.ensure_future(swallows())
    await asyncio.sleep(1)
    print("main returns")
    return "main result"
print(asyncio.run(main()))
print("after run")
