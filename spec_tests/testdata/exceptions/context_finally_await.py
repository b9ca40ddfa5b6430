# in a task, finally awaits and then raises: the new exception has the body's exception as __context__, seen by the awaiter
import asyncio
async def job():
    try:
        await asyncio.sleep(0.1)
        raise ValueError("job failed")
    finally:
        await asyncio.sleep(0.1)
        print("finally after the await")
        raise RuntimeError("cleanup failed")
async def main():
    t = asyncio.ensure_future(job())
    try:
        await t
    except RuntimeError as e:
        print(type(e).__name__, str(e), "| context:", type(e.__context__).__name__, str(e.__context__))
        print("context's context:", e.__context__.__context__, "suppress:", e.__suppress_context__)
asyncio.run(main())
