import asyncio

async def job(n):
    await asyncio.sleep(n)
    return n * 10

async def main():
    fs = [asyncio.ensure_future(job(n)) for n in (1, 2, 3)]
    done, pending = await asyncio.wait(fs, timeout=2.5)
    print("after 2.5s:", len(done), "done,", len(pending), "pending")
    done, pending = await asyncio.wait(pending, return_when=asyncio.FIRST_COMPLETED)
    print("first completed:", [f.result() for f in done])
    done, pending = await asyncio.wait(fs)
    print("all:", sorted([f.result() for f in done]))

loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
loop.run_until_complete(main())
loop.close()
