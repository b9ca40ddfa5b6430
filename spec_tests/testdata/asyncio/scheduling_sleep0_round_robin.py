# sleep(0) across many tasks is a round robin; a task created mid-round joins at the end; a callback queued by a task lands between steps
import asyncio
log = []
async def worker(name, n):
    for i in range(n):
        log.append("%s%d" % (name, i))
        if name == "a" and i == 1:
            asyncio.ensure_future(worker("z", 2))
            asyncio.get_running_loop().call_soon(log.append, "cb")
        await asyncio.sleep(0)
    log.append(name + "!")
async def main():
    ts = [asyncio.ensure_future(worker(n, k)) for n, k in [("a", 3), ("b", 1), ("c", 4), ("d", 0)]]
    log.append("main")
    await asyncio.gather(*ts)
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print(" ".join(log))
asyncio.run(main())
