# Task.get_stack: one frame for a task not started or suspended (however deep it awaits), none when done; limit
import asyncio
async def deep(n):
    if n == 0:
        await asyncio.sleep(0.01)
        return "bottom"
    return await deep(n - 1)
async def main():
    t = asyncio.ensure_future(deep(3))
    print("not started:", len(t.get_stack()))
    await asyncio.sleep(0)
    print("suspended:", len(t.get_stack()), len(t.get_stack(limit=1)), len(t.get_stack(limit=5)))
    print(await t)
    print("done:", len(t.get_stack()))
    c = asyncio.ensure_future(deep(1))
    c.cancel()
    await asyncio.sleep(0)
    print("cancelled before start:", c.cancelled(), len(c.get_stack()))
asyncio.run(main())
