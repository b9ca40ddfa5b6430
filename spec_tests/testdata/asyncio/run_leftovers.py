# asyncio.run cancels leftover tasks and lets them clean up
import asyncio
async def background(name):
    try:
        await asyncio.sleep(10)
    finally:
        print(name, "cleanup")
        await asyncio.sleep(0)
        print(name, "cleanup done")
async def main():
    asyncio.ensure_future(background("bg1"))
    asyncio.ensure_future(background("bg2"))
    await asyncio.sleep(0.01)
    print("main returns")
    return 5
print(asyncio.run(main()))
