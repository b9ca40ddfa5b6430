# Condition misuse is a RuntimeError with CPython's message: wait() or notify() without holding the lock, release() when not acquired
import asyncio
async def main():
    cond = asyncio.Condition()
    try:
        await cond.wait()
    except RuntimeError as e:
        print("wait:", type(e).__name__, str(e))
    try:
        cond.notify()
    except RuntimeError as e:
        print("notify:", str(e))
    try:
        cond.notify_all()
    except RuntimeError as e:
        print("notify_all:", str(e))
    try:
        cond.release()
    except RuntimeError as e:
        print("release:", str(e))
    try:
        await cond.wait_for(lambda: False)
    except RuntimeError as e:
        print("wait_for:", str(e))
    print("wait_for with a true predicate needs no lock:", await cond.wait_for(lambda: "yes"))
    print("acquire ->", await cond.acquire(), "locked:", cond.locked())
    cond.release()
asyncio.run(main())
