# an uncaught asyncio exception is named by its module in the traceback's last line: asyncio.queues.QueueEmpty
import asyncio
async def main():
    q = asyncio.Queue()
    print("empty:", q.empty())
    q.get_nowait()
asyncio.run(main())
