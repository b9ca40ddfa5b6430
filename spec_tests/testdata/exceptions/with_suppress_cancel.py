# an __aexit__ that returns True on CancelledError swallows the cancellation: the task goes on and finishes normally, cancelling() still counts the request
import asyncio
class SuppressCancel:
    async def __aenter__(self):
        return None
    async def __aexit__(self, exc_type, exc, tb):
        if exc_type is asyncio.CancelledError:
            print("suppressing CancelledError")
            return True
        return False
async def worker():
    async with SuppressCancel():
        await asyncio.sleep(10)
    print("worker continues; cancelling() =", asyncio.current_task().cancelling())
    await asyncio.sleep(0.01)
    return "finished"
async def main():
    t = asyncio.create_task(worker())
    await asyncio.sleep(0)
    t.cancel()
    print("result:", await t, "cancelled:", t.cancelled())
    async with SuppressCancel():
        raise ValueError("not suppressed")
try:
    asyncio.run(main())
except ValueError as e:
    print("ValueError passes through:", e)
