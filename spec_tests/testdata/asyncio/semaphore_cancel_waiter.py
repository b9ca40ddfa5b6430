# a cancelled Semaphore waiter loses its place without taking a permit; cancelling a woken waiter before it runs hands the permit to the next
import asyncio
async def waiter(sem, name, log):
    try:
        await sem.acquire()
    except asyncio.CancelledError:
        log.append(name + " cancelled")
        raise
    log.append(name + " acquired")
async def main():
    sem = asyncio.Semaphore(1)
    await sem.acquire()
    log = []
    a, b, c, d = [asyncio.create_task(waiter(sem, n, log)) for n in ["a", "b", "c", "d"]]
    await asyncio.sleep(0)
    b.cancel()
    await asyncio.sleep(0)
    sem.release()
    a.cancel()
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print(", ".join(log))
    print("locked with c holding:", sem.locked(), "d waiting:", not d.done())
    sem.release()
    await d
    print(log[-1], "| locked:", sem.locked())
    sem.release()
    print("after the last release: locked?", sem.locked())
asyncio.run(main())
