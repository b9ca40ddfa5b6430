# a TaskGroup's error of a type the program made, raised again out of the ExceptionGroup (from None), is named without a module: TransientError: reset by peer
import asyncio
class TransientError(ConnectionError):
    pass
async def fetch():
    raise TransientError("reset by peer")
async def main():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(fetch())
try:
    asyncio.run(main())
except ExceptionGroup as eg:
    raise eg.exceptions[0] from None
