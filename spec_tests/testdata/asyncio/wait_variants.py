# wait: already-done futures, FIRST_COMPLETED with a done one returns at once, FIRST_EXCEPTION without errors, timeout leaves tasks running, wait never cancels
import asyncio
async def val(x, d):
    await asyncio.sleep(d)
    return x
def names(fs):
    return sorted(f.result() for f in fs)
async def main():
    loop = asyncio.get_running_loop()
    ready = loop.create_future()
    ready.set_result("ready")
    slow = asyncio.ensure_future(val("slow", 0.1))
    done, pending = await asyncio.wait([ready, slow], return_when=asyncio.FIRST_COMPLETED)
    print(" ".join(names(done)), len(pending), slow in pending)
    done, pending = await asyncio.wait([ready], timeout=0)
    print(" ".join(names(done)), len(pending))
    ts = [asyncio.ensure_future(val(n, d)) for n, d in [("a", 0.02), ("b", 0.01), ("c", 0.03)]]
    done, pending = await asyncio.wait(ts, return_when=asyncio.FIRST_EXCEPTION)
    print("no errors:", " ".join(names(done)), len(pending))
    done, pending = await asyncio.wait([slow], timeout=0.01)
    print("timed out:", len(done), len(pending), slow.cancelled(), slow.done())
    done, pending = await asyncio.wait({slow})
    print(" ".join(names(done)), type(done).__name__, type(pending).__name__)
    t0 = loop.time()
    s = asyncio.ensure_future(val("s", 10))
    done, pending = await asyncio.wait([s], timeout=0.5)
    print("waited about", int((loop.time() - t0) * 10 + 0.5) / 10, "s still pending:", s in pending)
    s.cancel()
    done, pending = await asyncio.wait([s])
    print("cancelled task is done:", len(done), s.cancelled())
asyncio.run(main())
