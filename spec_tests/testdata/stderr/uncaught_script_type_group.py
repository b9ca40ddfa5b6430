# a TaskGroup's error of a type the program made, uncaught in its ExceptionGroup, is named without a module inside the group's box: TransientError: reset by peer
import asyncio
class TransientError(ConnectionError):
    pass
async def fetch():
    raise TransientError("reset by peer")
async def main():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(fetch())
asyncio.run(main())
