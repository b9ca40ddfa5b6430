# loop.time is monotonic and advances by the delays slept; TimerHandle.when; call_at relative to time(); differences only (real time may lag under load: lower bounds)
import asyncio
def r1(x):
    return int(x * 10 + 0.5) / 10
async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    await asyncio.sleep(0.3)
    t1 = loop.time()
    print("slept at least 0.3:", t1 - t0 >= 0.3 - 1e-9, "monotonic:", t1 >= t0)
    h = loop.call_later(1.5, print, "unused")
    print("when - now:", r1(h.when() - t1))
    h.cancel()
    fired = loop.create_future()
    h2 = loop.call_at(t1 + 0.5, lambda: fired.set_result(loop.time()))
    print("call_at when:", r1(h2.when() - t1))
    at = await fired
    print("fired after at least 0.5:", at - t1 >= 0.5 - 1e-9)
    stamps = []
    for d in [0.3, 0.1, 0.2]:
        loop.call_later(d, lambda d=d: stamps.append((d, loop.time() - at >= d - 1e-9)))
    await asyncio.sleep(0.4)
    print(stamps)
    print("total at least 1.2:", loop.time() - t0 >= 1.2 - 1e-9)
asyncio.run(main())
