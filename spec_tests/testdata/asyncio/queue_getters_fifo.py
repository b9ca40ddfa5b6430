# consumers blocked on an empty Queue are served in the order they called get(); get_nowait wakes a blocked producer of a full queue
import asyncio
async def getter(q, name, log):
    item = await q.get()
    log.append("%s<-%s" % (name, item))
async def putter(q, item, log):
    await q.put(item)
    log.append("put " + item)
async def main():
    q = asyncio.Queue()
    log = []
    gs = [asyncio.create_task(getter(q, "g%d" % i, log)) for i in range(3)]
    await asyncio.sleep(0)
    for item in ["x", "y", "z"]:
        q.put_nowait(item)
    await asyncio.gather(*gs)
    print(" ".join(log))
    full = asyncio.Queue(1)
    full.put_nowait("first")
    log = []
    ps = [asyncio.create_task(putter(full, it, log)) for it in ["second", "third"]]
    await asyncio.sleep(0)
    print("got", full.get_nowait(), "| putters waiting:", len(log) == 0)
    await asyncio.sleep(0)
    print(" ".join(log), "| qsize", full.qsize())
    print("got", await full.get())
    await asyncio.gather(*ps)
    print(" ".join(log), "| got", full.get_nowait())
asyncio.run(main())
