# queue_priority_type_error: items that do not compare are a TypeError with CPython's message, naming the pair that failed inside tuples and lists, from put_nowait, put and get alike; equal tuples compare without comparing their elements
import asyncio
async def main():
    for first, second in [({}, {}), ((1, {}), (1, {})), (("b", 2), (1, "a")), (None, 1), ([1, "x"], [1, 2])]:
        pq = asyncio.PriorityQueue()
        pq.put_nowait(first)
        try:
            pq.put_nowait(second)
        except TypeError as e:
            print("put_nowait:", str(e))
    pq = asyncio.PriorityQueue()
    await pq.put(1)
    try:
        await pq.put("a")
    except TypeError as e:
        print("put:", str(e))
    pq = asyncio.PriorityQueue()
    for item in [(0,), (1, "x"), (1, 2)]:
        pq.put_nowait(item)
    try:
        await pq.get()
    except TypeError as e:
        print("get:", str(e))
asyncio.run(main())
