# TaskGroup children on a lock: when one child fails, the others are cancelled (in the lock or queued for it) and the lock ends up free
import asyncio
async def child(lock, name, fail, cancelled):
    try:
        async with lock:
            print(name, "in the critical section")
            await asyncio.sleep(0.01)
            if fail:
                raise ValueError(name + " failed")
            print(name, "leaves")
    except asyncio.CancelledError:
        cancelled.append(name)
        raise
async def main():
    lock = asyncio.Lock()
    cancelled = []
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(child(lock, "c0", False, cancelled))
            tg.create_task(child(lock, "c1", True, cancelled))
            tg.create_task(child(lock, "c2", False, cancelled))
            tg.create_task(child(lock, "c3", False, cancelled))
    except ExceptionGroup as eg:
        print(str(eg))
        for e in eg.exceptions:
            print(" ", type(e).__name__, str(e))
    print("cancelled:", " ".join(sorted(cancelled)))
    print("lock free at the end:", not lock.locked())
asyncio.run(main())
