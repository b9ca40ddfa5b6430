# asyncio.timeout around a TaskGroup cancels the body and the children when it expires and raises TimeoutError; a timeout inside a child fails just that child
import asyncio
async def child(name, delay, log):
    try:
        await asyncio.sleep(delay)
        log.append(name + " done")
    except asyncio.CancelledError:
        log.append(name + " cancelled")
        raise
async def timed_child(log):
    async with asyncio.timeout(0.01):
        await asyncio.sleep(1)
async def main():
    log = []
    try:
        async with asyncio.timeout(0.03):
            async with asyncio.TaskGroup() as tg:
                tg.create_task(child("fast", 0, log))
                tg.create_task(child("slow", 1, log))
    except TimeoutError as e:
        print("TimeoutError |" + str(e) + "|;", ", ".join(sorted(log)))
    log.clear()
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(timed_child(log))
            tg.create_task(child("sibling", 1, log))
    except ExceptionGroup as eg:
        print(str(eg), type(eg.exceptions[0]).__name__, "|", ", ".join(log))
asyncio.run(main())
