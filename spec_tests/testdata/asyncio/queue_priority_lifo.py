# PriorityQueue hands out the smallest item first (tuples compare element by element); LifoQueue the newest; both count, join and block like Queue
import asyncio
async def main():
    pq = asyncio.PriorityQueue()
    for item in [(3, "low"), (1, "urgent"), (2, "b-normal"), (2, "a-normal"), (1, "also urgent")]:
        await pq.put(item)
    print("qsize", pq.qsize())
    while not pq.empty():
        prio, name = await pq.get()
        print(prio, name)
        pq.task_done()
    await pq.join()
    nums = asyncio.PriorityQueue()
    for n in [5, 1, 4, 1, 3]:
        nums.put_nowait(n)
    print("numbers:", [nums.get_nowait() for _ in range(5)])
    lq = asyncio.LifoQueue()
    for n in range(4):
        lq.put_nowait(n)
    print("lifo:", [await lq.get() for _ in range(4)])
    async def late_put():
        await asyncio.sleep(0.01)
        await lq.put("late")
    t = asyncio.create_task(late_put())
    print("lifo get waits:", await lq.get())
    await t
asyncio.run(main())
