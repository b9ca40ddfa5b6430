# wait_for's TimeoutError is raised from the inner task's CancelledError (3.11): __cause__ is a CancelledError, the context suppressed
import asyncio
async def main():
    try:
        await asyncio.wait_for(asyncio.sleep(10), 1)
    except TimeoutError as e:
        print(type(e).__name__, "|" + str(e) + "|", len(e.args))
        print("cause:", type(e.__cause__).__name__, "|" + str(e.__cause__) + "|", "suppress:", e.__suppress_context__)
        print("context is cause:", e.__context__ is e.__cause__)
    try:
        await asyncio.wait_for(asyncio.sleep(10), 0)
    except TimeoutError as e:
        print("timeout 0:", type(e).__name__, "cause:", type(e.__cause__).__name__)
asyncio.run(main())
