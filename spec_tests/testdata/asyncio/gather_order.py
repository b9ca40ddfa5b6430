# gather: results in argument order whatever the completion order; futures, tasks and coroutines mixed; duplicates
import asyncio
async def val(x, d):
    await asyncio.sleep(d)
    print("completed", x)
    return x
async def main():
    loop = asyncio.get_running_loop()
    f = loop.create_future()
    loop.call_later(0.05, f.set_result, "future")
    t = asyncio.ensure_future(val("task", 0.03))
    c = val("coro", 0.01)
    r = await asyncio.gather(f, t, c, val("zero", 0))
    print(" ".join(r))
    print(" ".join(await asyncio.gather(f, f, t)))
    r = await asyncio.gather(*[val(i, 0.01 * (5 - i)) for i in range(5)])
    print(r)
    print(await asyncio.gather(*[]), await asyncio.gather())
asyncio.run(main())
