# awaiting a cancelled task raises CancelledError; uncaught, the traceback's last line is asyncio.exceptions.CancelledError
import asyncio
async def main():
    t = asyncio.create_task(asyncio.sleep(10))
    await asyncio.sleep(0)
    t.cancel()
    print("cancelled:", t.cancel())
    await t
asyncio.run(main())
