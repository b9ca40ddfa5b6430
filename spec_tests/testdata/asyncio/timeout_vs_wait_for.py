# asyncio.timeout and wait_for side by side: both raise TimeoutError (which is asyncio.TimeoutError); timeout runs the code in the current task, wait_for in a new one
import asyncio
async def where(delay):
    name = asyncio.current_task().get_name()
    await asyncio.sleep(delay)
    return name
async def main():
    print("TimeoutError is asyncio.TimeoutError:", TimeoutError is asyncio.TimeoutError)
    async with asyncio.timeout(1):
        print("timeout runs in", await where(0))
    print("wait_for runs in", await asyncio.wait_for(where(0), 1))
    for label in ["timeout", "wait_for"]:
        try:
            if label == "timeout":
                async with asyncio.timeout(0.01):
                    await where(1)
            else:
                await asyncio.wait_for(where(1), 0.01)
        except asyncio.TimeoutError as e:
            print(label, "raised", type(e).__name__, "|" + str(e) + "|", isinstance(e, TimeoutError))
    try:
        async with asyncio.timeout(0.01):
            await asyncio.wait_for(where(1), 1)
    except TimeoutError:
        print("timeout around wait_for: the outer timeout fires")
    try:
        async with asyncio.timeout(1):
            await asyncio.wait_for(where(1), 0.01)
    except TimeoutError:
        print("wait_for inside timeout: wait_for fires first")
asyncio.run(main())
