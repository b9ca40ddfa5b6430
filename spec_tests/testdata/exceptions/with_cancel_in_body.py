# a task cancelled while suspended inside an async with block: __aexit__ gets CancelledError, its cleanup awaits, then the cancellation goes on
import asyncio
class Conn:
    async def __aenter__(self):
        print("connected")
        return self
    async def __aexit__(self, exc_type, exc, tb):
        print("aexit sees", exc_type.__name__ if exc_type else None, "|" + str(exc) + "|")
        await asyncio.sleep(0.01)
        print("disconnected after cleanup")
        return False
async def worker():
    async with Conn():
        print("working")
        await asyncio.sleep(10)
        print("never printed")
    print("never printed either")
async def main():
    t = asyncio.create_task(worker())
    await asyncio.sleep(0.01)
    t.cancel("shutdown")
    await asyncio.sleep(0)
    print("after one step: done?", t.done())
    try:
        await t
    except asyncio.CancelledError as e:
        print("main sees CancelledError |" + str(e) + "|")
    print("cancelled:", t.cancelled())
asyncio.run(main())
