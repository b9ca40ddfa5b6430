# The CPython 3.11 twins of the ordering tests in locks_test.go and
# queues_test.go: each scenario prints the log its Go test wants.
# Its output is the golden file cpython_sync.out, which the Go tests read;
# TestCPythonSyncTwin runs this file when python3 is on the PATH and checks
# it (go test -run TestCPythonSyncTwin -update ./loop rewrites it).
import asyncio

create = asyncio.create_task


async def lock_fifo_cancel():
    lock = asyncio.Lock()
    log = []

    async def worker(name):
        log.append(name + ":want")
        try:
            await lock.acquire()
        except asyncio.CancelledError:
            log.append(name + ":cancelled")
            raise
        log.append(name + ":got")
        await asyncio.sleep(0)
        lock.release()
        log.append(name + ":rel")

    ts = [create(worker(n)) for n in "abcde"]
    await asyncio.sleep(0)
    ts[2].cancel()
    await asyncio.gather(*ts, return_exceptions=True)
    return log


async def lock_woken_then_cancelled():
    lock = asyncio.Lock()
    log = []
    ts = {}

    async def holder():
        await lock.acquire()
        log.append("a:got")
        await asyncio.sleep(0)
        lock.release()
        ts["b"].cancel()
        log.append("a:rel locked=%s waiters=%d" % (lock.locked(), len(lock._waiters)))
        ts["d"] = create(waiter("d"))

    async def waiter(name):
        try:
            await lock.acquire()
        except asyncio.CancelledError:
            log.append("%s:cancelled locked=%s" % (name, lock.locked()))
            raise
        log.append(name + ":got")
        await asyncio.sleep(0)
        lock.release()

    ts["a"] = create(holder())
    ts["b"] = create(waiter("b"))
    ts["c"] = create(waiter("c"))
    await asyncio.gather(ts["a"], ts["b"], ts["c"], return_exceptions=True)
    await ts["d"]
    return log


async def event_waiters():
    ev = asyncio.Event()
    log = []

    async def waiter(name):
        try:
            await ev.wait()
        except asyncio.CancelledError:
            log.append(name + ":cancelled")
            raise
        log.append(name + ":woke")

    ts = [create(waiter(n)) for n in "abc"]
    await asyncio.sleep(0)
    ts[1].cancel()
    await asyncio.sleep(0)
    log.append("waiters=%d" % len(ev._waiters))
    ev.set()
    ev.clear()
    log.append("set+clear")
    await asyncio.gather(*ts, return_exceptions=True)
    t = create(waiter("d"))
    await asyncio.sleep(0)
    ev.set()
    await t
    return log


async def condition_notify():
    cond = asyncio.Condition()
    log = []
    ts = {}

    async def waiter(name):
        async with cond:
            try:
                await cond.wait()
            except asyncio.CancelledError:
                log.append("%s:cancelled locked=%s" % (name, cond.locked()))
                raise
            log.append(name + ":woke")

    for n in "abcde":
        ts[n] = create(waiter(n))
    await asyncio.sleep(0)
    async with cond:
        cond.notify(2)
        log.append("notify2")
        ts["b"].cancel()
        ts["c"].cancel()
    await asyncio.sleep(0)
    async with cond:
        log.append("waiters=%d" % len(cond._waiters))
        cond.notify_all()
        log.append("notify_all")
    await asyncio.gather(*ts.values(), return_exceptions=True)
    return log


async def condition_wait_for():
    cond = asyncio.Condition()
    state = [0]
    log = []

    async def waiter():
        async with cond:
            r = await cond.wait_for(lambda: state[0] >= 2 and "ready%d" % state[0])
            log.append("got " + r)

    t = create(waiter())
    for i in range(3):
        await asyncio.sleep(0)
        async with cond:
            state[0] = i
            log.append("notify %d" % i)
            cond.notify()
    await t
    return log


def fmt_exc(e):
    if e is None:
        return "<nil>"
    return type(e).__name__ + (": " + str(e) if str(e) else "")


async def condition_cancelled_while_reacquiring():
    cond = asyncio.Condition()
    log = []

    async def w_body():
        await cond.acquire()
        err = None
        try:
            await cond.wait()
        except asyncio.CancelledError as e:
            err = e
        log.append("wait: %s, locked=%s, w waits on the lock: %s"
                   % (fmt_exc(err), cond.locked(), bool(cond._lock._waiters)))
        cond.release()
        if err:
            raise err

    w = create(w_body())
    await asyncio.sleep(0)
    async with cond:
        cond.notify(1)
        # Let w resume and queue for the lock held here.
        await asyncio.sleep(0)
        await asyncio.sleep(0)
        log.append("lock waiters=%d" % len(cond._lock._waiters))
        w.cancel("first")
        await asyncio.sleep(0)
        log.append("lock waiters=%d" % len(cond._lock._waiters))
    try:
        await w
    except asyncio.CancelledError as e:
        log.append("w: " + fmt_exc(e))
    return log


async def semaphore_fairness():
    sem = asyncio.Semaphore(2)
    log = []
    ts = {}

    async def worker(name):
        try:
            await sem.acquire()
        except asyncio.CancelledError:
            log.append("%s:cancelled value=%d" % (name, sem._value))
            raise
        log.append(name + ":got")
        await asyncio.sleep(0)
        sem.release()

    for n in "abcdef":
        ts[n] = create(worker(n))
    await asyncio.sleep(0)
    log.append("locked=%s" % sem.locked())
    ts["d"].cancel()
    await asyncio.sleep(0)
    # a and b released: c and e were woken; cancel c before it runs.
    ts["c"].cancel()
    log.append("value=%d" % sem._value)
    await asyncio.gather(*ts.values(), return_exceptions=True)
    log.append("value=%d" % sem._value)
    return log


async def semaphore_wake_next():
    sem = asyncio.Semaphore(0)
    log = []

    async def worker(name):
        await sem.acquire()
        log.append("%s:got value=%d" % (name, sem._value))

    a = create(worker("a"))
    await asyncio.sleep(0)
    sem.release()
    sem.release()
    log.append("value=%d locked=%s" % (sem._value, sem.locked()))
    await worker("main")
    await a
    return log


async def barrier_rounds():
    b = asyncio.Barrier(3)
    log = []

    async def party(name, rounds):
        for r in range(rounds):
            i = await b.wait()
            log.append("%s%d:%d" % (name, r, i))

    ts = [create(party(n, 2)) for n in "abc"]
    await asyncio.gather(*ts)
    log.append("n_waiting=%d broken=%s" % (b.n_waiting, b.broken))
    return log


async def barrier_reset_abort():
    b = asyncio.Barrier(3)
    log = []

    async def party(name):
        try:
            i = await b.wait()
            log.append("%s:%d" % (name, i))
        except asyncio.BrokenBarrierError as e:
            log.append("%s:%s(%s)" % (name, type(e).__name__, e))

    ts = [create(party(n)) for n in "ab"]
    await asyncio.sleep(0)
    log.append("n_waiting=%d" % b.n_waiting)
    await b.reset()
    await asyncio.gather(*ts)
    log.append("after reset n_waiting=%d broken=%s" % (b.n_waiting, b.broken))
    ts = [create(party(n)) for n in "cd"]
    await asyncio.sleep(0)
    await b.abort()
    await asyncio.gather(*ts)
    await party("e")
    log.append("broken=%s" % b.broken)
    return log


async def barrier_cancel():
    b = asyncio.Barrier(3)
    log = []

    async def party(name):
        try:
            i = await b.wait()
        except asyncio.CancelledError:
            log.append("%s:cancelled n_waiting=%d" % (name, b.n_waiting))
            raise
        log.append("%s:%d" % (name, i))

    ts = [create(party(n)) for n in "ab"]
    await asyncio.sleep(0)
    log.append("n_waiting=%d" % b.n_waiting)
    ts[0].cancel()
    ts += [create(party(n)) for n in "cd"]
    await asyncio.gather(*ts, return_exceptions=True)
    log.append("n_waiting=%d state=%s" % (b.n_waiting, b._state.value))
    return log


async def queue_backpressure():
    q = asyncio.Queue(2)
    log = []

    async def producer(name, n):
        for i in range(n):
            await q.put("%s%d" % (name, i))
            log.append("put %s%d" % (name, i))

    async def consumer(name, n):
        for _ in range(n):
            v = await q.get()
            log.append("%s got %s" % (name, v))
            q.task_done()

    async def joiner():
        await asyncio.sleep(0)
        await q.join()
        log.append("joined")

    ts = [create(producer("p", 4)), create(producer("q", 3)),
          create(consumer("x", 4)), create(consumer("y", 3)), create(joiner())]
    await asyncio.gather(*ts)
    return log


async def queue_cancelled_getter():
    q = asyncio.Queue()
    log = []
    ts = {}

    async def getter(name):
        try:
            v = await q.get()
        except asyncio.CancelledError:
            log.append(name + ":cancelled")
            raise
        log.append("%s got %s" % (name, v))

    for n in "abc":
        ts[n] = create(getter(n))
    await asyncio.sleep(0)
    q.put_nowait(1)
    ts["a"].cancel()  # woken by the put, cancelled before it runs
    log.append("getters=%d" % len(q._getters))
    await asyncio.sleep(0)
    log.append("qsize=%d getters=%d" % (q.qsize(), len(q._getters)))
    q.put_nowait(2)
    await asyncio.gather(*ts.values(), return_exceptions=True)
    log.append("qsize=%d" % q.qsize())
    return log


async def queue_cancelled_putter():
    q = asyncio.Queue(1)
    q.put_nowait(0)
    log = []
    ts = {}

    async def putter(name):
        try:
            await q.put(name)
        except asyncio.CancelledError:
            log.append(name + ":cancelled")
            raise
        log.append("put " + name)

    for n in "abc":
        ts[n] = create(putter(n))
    await asyncio.sleep(0)
    log.append("got %s" % q.get_nowait())
    ts["a"].cancel()  # woken by the get, cancelled before it runs
    await asyncio.sleep(0)
    log.append("items=%s putters=%d" % (list(q._queue), len(q._putters)))
    await asyncio.sleep(0)
    log.append("items=%s" % list(q._queue))
    log.append("got %s" % q.get_nowait())
    await asyncio.gather(*ts.values(), return_exceptions=True)
    log.append("items=%s" % list(q._queue))
    return log


class P:
    def __init__(self, prio, name):
        self.prio, self.name = prio, name

    def __lt__(self, other):
        return self.prio < other.prio


async def priority_order():
    q = asyncio.PriorityQueue()
    items = [(3, "a"), (1, "b"), (2, "c"), (1, "d"), (3, "e"), (2, "f"), (1, "g"),
             (0, "h"), (2, "i"), (1, "j"), (3, "k"), (0, "l")]
    for p, n in items:
        q.put_nowait(P(p, n))
    heap = " ".join("%d%s" % (x.prio, x.name) for x in q._queue)
    out = []
    while not q.empty():
        x = q.get_nowait()
        out.append("%d%s" % (x.prio, x.name))
    return ["heap " + heap, "out " + " ".join(out)]


async def lifo_order():
    q = asyncio.LifoQueue()
    for i in range(4):
        q.put_nowait(i)
    return [str(q.get_nowait()) for _ in range(4)]


def try_acquire(prim):
    """Whether prim.acquire() completes without waiting: its coroutine is
    stepped once; if it suspends, it is closed, which removes its waiter."""
    coro = prim.acquire()
    try:
        coro.send(None)
    except StopIteration:
        return True
    coro.close()
    return False


async def try_acquire_lock():
    lk = asyncio.Lock()
    log = []
    log.append("free:%s" % try_acquire(lk))
    log.append("held:%s" % try_acquire(lk))
    w = create(lk.acquire())
    await asyncio.sleep(0)
    lk.release()  # w is woken, not yet running
    log.append("released,w waits:%s locked=%s" % (try_acquire(lk), lk.locked()))
    await w
    log.append("w has it:%s" % try_acquire(lk))
    lk.release()
    c = create(lk.acquire())
    log.append("free:%s" % try_acquire(lk))
    await asyncio.sleep(0)
    c.cancel()  # its waiter future is cancelled; c has not run yet
    lk.release()
    log.append("only a cancelled waiter (waiters=%d):%s" % (len(lk._waiters), try_acquire(lk)))
    await asyncio.gather(c, return_exceptions=True)
    return log


async def try_acquire_semaphore():
    sem = asyncio.BoundedSemaphore(1)
    log = []
    log.append("unit:%s value=%d" % (try_acquire(sem), sem._value))
    log.append("none:%s" % try_acquire(sem))
    w = create(sem.acquire())
    await asyncio.sleep(0)
    c = create(sem.acquire())
    await asyncio.sleep(0)
    sem.release()  # the unit goes to w
    log.append("c waits:%s value=%d" % (try_acquire(sem), sem._value))
    c.cancel()
    await asyncio.gather(w, c, return_exceptions=True)
    sem.release()
    log.append("after:%s value=%d" % (try_acquire(sem), sem._value))
    return log


async def main():
    for f in [lock_fifo_cancel, lock_woken_then_cancelled, event_waiters,
              condition_notify, condition_wait_for,
              condition_cancelled_while_reacquiring, semaphore_fairness,
              semaphore_wake_next,
              barrier_rounds, barrier_reset_abort, barrier_cancel, queue_backpressure,
              queue_cancelled_getter, queue_cancelled_putter, priority_order,
              lifo_order, try_acquire_lock, try_acquire_semaphore]:
        print("%s: %s" % (f.__name__, " ".join(await f())))

asyncio.run(main())
