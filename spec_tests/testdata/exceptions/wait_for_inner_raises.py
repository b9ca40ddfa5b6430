# wait_for: an inner exception before the timeout propagates as itself; a timeout becomes TimeoutError
import asyncio
async def inner(d, exc):
    try:
        await asyncio.sleep(d)
        raise exc
    finally:
        print("inner finally", type(exc).__name__)
async def main():
    for d, exc, timeout in [(0.1, ValueError("early"), 1), (0.1, asyncio.TimeoutError("inner timeout"), 1),
                            (0, KeyError(), None), (1, ValueError("late"), 0.2)]:
        try:
            await asyncio.wait_for(inner(d, exc), timeout)
        except asyncio.TimeoutError as e:
            print("caught TimeoutError |" + str(e) + "|")
        except Exception as e:
            print("caught", type(e).__name__)
    t = asyncio.ensure_future(inner(0.1, RuntimeError("task")))
    try:
        await asyncio.wait_for(t, 0.5)
    except RuntimeError as e:
        print("task through wait_for:", str(e), t.done(), t.cancelled())
    loop = asyncio.get_running_loop()
    f = loop.create_future()
    loop.call_later(0.1, f.set_exception, ValueError("future"))
    try:
        await asyncio.wait_for(f, 1)
    except ValueError as e:
        print("future through wait_for:", str(e))
asyncio.run(main())
