# an uncaught exception of a type the program made is named without a module, as CPython names a class of __main__, also out of a task: TransientError: reset by peer
import asyncio
class TransientError(ConnectionError):
    pass
async def fetch():
    raise TransientError("reset by peer")
async def main():
    t = asyncio.create_task(fetch())
    await t
asyncio.run(main())
