# A primitive's bound method read twice compares equal; the same method of
# another object does not.
import asyncio
async def main():
    for mk, name in [(asyncio.Queue, "get"), (asyncio.PriorityQueue, "put"), (asyncio.LifoQueue, "join"),
                     (asyncio.Lock, "acquire"), (asyncio.Event, "wait"), (asyncio.Condition, "notify"),
                     (asyncio.Semaphore, "release"), (asyncio.BoundedSemaphore, "acquire"), (lambda: asyncio.Barrier(2), "wait")]:
        a, b = mk(), mk()
        print(name, getattr(a, name) == getattr(a, name), getattr(a, name) == getattr(b, name), getattr(a, name) != getattr(b, name))
asyncio.run(main())
