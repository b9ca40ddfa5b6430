# await inside the body, a handler, else and finally suspends the task: another task interleaves at each point
import asyncio
async def chatter():
    for i in range(12):
        print("  chatter", i)
        await asyncio.sleep(0)
async def step(label):
    print(label, "before await")
    await asyncio.sleep(0)
    print(label, "after await")
async def run(fail):
    try:
        await step("body")
        if fail:
            raise ValueError("x")
    except ValueError:
        await step("handler")
    else:
        await step("else")
    finally:
        await step("finally")
    return "done fail=%s" % fail
async def main():
    c = asyncio.ensure_future(chatter())
    await asyncio.sleep(0)
    print(await run(True))
    print(await run(False))
    await c
asyncio.run(main())
