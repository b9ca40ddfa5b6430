# join() waits until task_done() was called for every item put; join() on a finished queue returns at once; one task_done() too many is a ValueError
import asyncio
async def worker(q, log):
    while True:
        item = await q.get()
        await asyncio.sleep(0.01)
        log.append(item)
        q.task_done()
async def main():
    q = asyncio.Queue()
    print("join on an empty queue returns at once:", await q.join())
    log = []
    w = asyncio.create_task(worker(q, log))
    for i in range(3):
        q.put_nowait(i)
    await q.join()
    print("joined after", log)
    q.put_nowait(3)
    j1 = asyncio.create_task(q.join())
    j2 = asyncio.create_task(q.join())
    await asyncio.sleep(0)
    print("joiners waiting:", not j1.done(), not j2.done())
    await asyncio.gather(j1, j2)
    print("both joiners released after", log)
    w.cancel()
    try:
        q.task_done()
    except ValueError as e:
        print(type(e).__name__, str(e))
    q.put_nowait("x")
    q.get_nowait()
    print("got an item without task_done: join would wait; qsize", q.qsize())
    try:
        await asyncio.wait_for(q.join(), 0.01)
    except TimeoutError:
        print("join timed out")
    q.task_done()
    print("after task_done:", await asyncio.wait_for(q.join(), 0.01))
asyncio.run(main())
