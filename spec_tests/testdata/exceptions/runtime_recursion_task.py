# the recursion limit inside a task is a RecursionError that the awaiting task catches as RuntimeError
import asyncio
def down(n):
    return down(n + 1)
async def deep():
    await asyncio.sleep(0)
    return down(0)
async def main():
    t = asyncio.ensure_future(deep())
    try:
        await t
    except RuntimeError as e:
        print("awaiter caught:", type(e).__name__)
    print("task:", t.done(), type(t.exception()).__name__, isinstance(t.exception(), RecursionError))
    await asyncio.sleep(0)
    print("loop still runs")
asyncio.run(main())
