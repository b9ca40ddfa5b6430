# wait: ALL_COMPLETED, FIRST_COMPLETED, FIRST_EXCEPTION, timeout
import asyncio
async def val(x, d):
    await asyncio.sleep(d)
    return x
async def bad(d):
    await asyncio.sleep(d)
    raise ValueError("x")
def results(fs):
    return sorted([f.result() for f in fs if f.exception() is None])
async def main():
    ts = [asyncio.ensure_future(val(i, 0.05 * i)) for i in range(1, 4)]
    done, pending = await asyncio.wait(ts)
    print(len(done), len(pending), results(done))
    ts = [asyncio.ensure_future(val(i, 0.05 * i)) for i in range(1, 4)]
    done, pending = await asyncio.wait(ts, return_when=asyncio.FIRST_COMPLETED)
    print(len(done), len(pending), results(done))
    await asyncio.wait(pending)
    ts = [asyncio.ensure_future(val(1, 0.2)), asyncio.ensure_future(bad(0.05)), asyncio.ensure_future(val(2, 0))]
    done, pending = await asyncio.wait(ts, return_when=asyncio.FIRST_EXCEPTION)
    print(len(done), len(pending))
    done, pending = await asyncio.wait(pending, timeout=0.05)
    print(len(done), len(pending))
    done, pending = await asyncio.wait(pending, timeout=1)
    print(len(done), len(pending), results(done))
    try:
        await asyncio.wait([])
    except ValueError as e:
        print("empty:", type(e).__name__)
asyncio.run(main())
