# a Barrier is reusable: two workers meet at it every round; a fast worker waits for the slow one each time
import asyncio
async def worker(b, name, delay, log):
    for rnd in range(3):
        await asyncio.sleep(delay)
        log.append("%s reached round %d" % (name, rnd))
        await b.wait()
        log.append("%s left round %d" % (name, rnd))
async def main():
    b = asyncio.Barrier(2)
    log = []
    await asyncio.gather(worker(b, "fast", 0, log), worker(b, "slow", 0.02, log))
    print("\n".join(log))
    print("n_waiting", b.n_waiting, "broken", b.broken)
asyncio.run(main())
