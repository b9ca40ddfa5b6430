# modern: Python 3.11 asyncio in one page: create_task, a Semaphore, a TaskGroup and a timeout.
import asyncio

async def fetch(sem, url, ms):
    async with sem:                         # at most two fetches at once
        await asyncio.sleep(ms / 1000)
        return "%s took %d ms" % (url, ms)

async def main():
    sem = asyncio.Semaphore(2)
    ticker = asyncio.create_task(asyncio.sleep(0.05, "background task done"))
    async with asyncio.TaskGroup() as tg:   # waits for every child
        tasks = [tg.create_task(fetch(sem, url, ms))
                 for url, ms in [("/a", 30), ("/b", 10), ("/c", 25)]]
    for t in tasks:
        print(t.result())
    try:
        async with asyncio.timeout(0.05):
            await fetch(sem, "/slow", 500)
    except TimeoutError:
        print("/slow timed out")
    print(await ticker)

asyncio.run(main())
