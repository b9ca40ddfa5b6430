# wait_for with a zero or negative timeout: a done future gives its result, a coroutine is cancelled before it runs
import asyncio
async def body(name):
    print(name, "runs")
    return name
async def main():
    loop = asyncio.get_running_loop()
    for timeout in [0, -1]:
        try:
            await asyncio.wait_for(body("coro %s" % timeout), timeout)
        except asyncio.TimeoutError as e:
            print("timeout", timeout, type(e).__name__)
    f = loop.create_future()
    f.set_result("done future")
    print(await asyncio.wait_for(f, 0))
    t = asyncio.ensure_future(body("task"))
    await asyncio.sleep(0)
    print(await asyncio.wait_for(t, -5))
    p = asyncio.ensure_future(body("pending task"))
    try:
        await asyncio.wait_for(p, 0)
    except asyncio.TimeoutError:
        print("pending task timed out, cancelled:", p.cancelled())
    g = loop.create_future()
    try:
        await asyncio.wait_for(g, 0)
    except asyncio.TimeoutError:
        print("pending future timed out, cancelled:", g.cancelled())
    bad = loop.create_future()
    bad.set_exception(ValueError("already failed"))
    try:
        await asyncio.wait_for(bad, 0)
    except ValueError as e:
        print("failed future:", e)
asyncio.run(main())
