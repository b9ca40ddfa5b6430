# sleep(delay, result): returns result (default None); zero and negative delays yield once; the clock advances by the delay
import asyncio
async def main():
    loop = asyncio.get_running_loop()
    print(await asyncio.sleep(0.01, "r1"), await asyncio.sleep(0, result=[1, 2]), await asyncio.sleep(0.01))
    loop.call_soon(print, "callback before negative sleep returns")
    print(await asyncio.sleep(-3, result="negative"))
    t0 = loop.time()
    r = await asyncio.sleep(2.5, result={"a": 1})
    print(r["a"], int((loop.time() - t0) * 10 + 0.5) / 10)
    t = asyncio.ensure_future(asyncio.sleep(0.01, result="from a task"))
    print(await t)
    results = await asyncio.gather(asyncio.sleep(0.03, "c"), asyncio.sleep(0.01, "a"), asyncio.sleep(0.02, "b"))
    print(" ".join(results))
asyncio.run(main())
