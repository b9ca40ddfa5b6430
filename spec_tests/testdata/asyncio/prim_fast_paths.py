# Awaiting a primitive's method that need not wait returns without yielding
# to other tasks (a ticker task shows whether it ran in between); one that
# must wait yields and is served first come first served; a cancelled
# waiter gives up its turn; coroutines of methods are each new and can be
# awaited once; bound methods compare equal.
import asyncio

ticks = []

async def ticker():
    while True:
        ticks.append(1)
        await asyncio.sleep(0)

def since(mark):
    return len(ticks) - mark

async def main():
    t = asyncio.create_task(ticker())
    await asyncio.sleep(0)

    q = asyncio.Queue(maxsize=2)
    m = len(ticks)
    await q.put(1)
    await q.put(2)
    print("put x2 into room: ticks", since(m), "qsize", q.qsize())
    m = len(ticks)
    a = await q.get()
    b = await q.get()
    print("get x2 from items:", a, b, "ticks", since(m))
    m = len(ticks)
    q.task_done()
    q.task_done()
    await q.join()
    print("join with all done: ticks", since(m))

    pq = asyncio.PriorityQueue()
    lq = asyncio.LifoQueue()
    m = len(ticks)
    for x in (3, 1, 2):
        await pq.put(x)
        await lq.put(x)
    out = []
    for _ in range(3):
        out.append(await pq.get())
        out.append(await lq.get())
    print("priority/lifo:", out, "ticks", since(m))

    # a get on an empty queue waits, and getters are served in order
    got = []
    async def getter(name):
        got.append(name + "=" + await q.get())
    gs = [asyncio.create_task(getter(n)) for n in "abc"]
    await asyncio.sleep(0)
    gs[1].cancel()
    m = len(ticks)
    await q.put("x")
    await q.put("y")
    print("put to waiting getters: ticks", since(m))
    await asyncio.gather(*gs, return_exceptions=True)
    print("getters got", " ".join(got))

    # a full queue makes put wait
    q2 = asyncio.Queue(maxsize=1)
    await q2.put(0)
    async def putter(v):
        await q2.put(v)
        print("put", v)
    ps = [asyncio.create_task(putter(v)) for v in (1, 2)]
    await asyncio.sleep(0)
    print("putters waiting:", q2.qsize(), q2.full())
    print("got", await q2.get(), "ticks so far ok")
    print("got", await q2.get())
    print("got", await q2.get())
    await asyncio.gather(*ps)

    lock = asyncio.Lock()
    m = len(ticks)
    print("acquire free lock:", await lock.acquire(), "ticks", since(m))
    order = []
    async def locker(name):
        async with lock:
            order.append(name)
            await asyncio.sleep(0)
    ls = [asyncio.create_task(locker(n)) for n in "pqr"]
    await asyncio.sleep(0)
    ls[0].cancel()
    lock.release()
    await asyncio.sleep(0)
    # the lock is free but tasks wait for it: acquire waits its turn
    m = len(ticks)
    await lock.acquire()
    print("acquire behind waiters: ticks", since(m) > 0, "order", " ".join(order))
    lock.release()
    await asyncio.gather(*ls, return_exceptions=True)
    print("lock order:", " ".join(order), lock.locked())
    m = len(ticks)
    async with lock:
        pass
    print("async with free lock: ticks", since(m))

    sem = asyncio.Semaphore(2)
    bsem = asyncio.BoundedSemaphore(1)
    m = len(ticks)
    r = [await sem.acquire(), await sem.acquire(), await bsem.acquire()]
    print("semaphores:", r, "ticks", since(m), sem.locked(), bsem.locked())
    sw = asyncio.create_task(sem.acquire())
    await asyncio.sleep(0)
    sem.release()
    print("waiter woken, value given:", sem.locked(), sw.done())
    await sw
    sem.release()
    sem.release()
    bsem.release()
    try:
        bsem.release()
    except ValueError as e:
        print("ValueError", e)

    ev = asyncio.Event()
    ew = asyncio.create_task(ev.wait())
    await asyncio.sleep(0)
    ev.set()
    m = len(ticks)
    print("wait on set event:", await ev.wait(), "ticks", since(m))
    print("waiter:", await ew)

    cond = asyncio.Condition()
    m = len(ticks)
    async with cond:
        print("wait_for true predicate:", await cond.wait_for(lambda: 7), "ticks", since(m))
    print("cond acquire:", await cond.acquire(), cond.locked())
    cond.release()

    c = q.get()
    print(type(c).__name__, q.get == q.get, lock.acquire == lock.acquire, c == c)
    q.put_nowait(5)
    print("await stored coroutine:", await c)
    try:
        await c
    except RuntimeError as e:
        print("RuntimeError on a second await")
    q.put_nowait(6)
    print("task of get:", await asyncio.create_task(q.get()))
    q.put_nowait(7)
    print("wait_for get:", await asyncio.wait_for(q.get(), 1))
    t.cancel()

asyncio.run(main())
