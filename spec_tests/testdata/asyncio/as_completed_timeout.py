# as_completed: completion order with futures, tasks and done futures; the timeout raises at the next await; nothing given
import asyncio
async def val(x, d):
    await asyncio.sleep(d)
    return x
async def main():
    loop = asyncio.get_running_loop()
    done = loop.create_future()
    done.set_result("already")
    f = loop.create_future()
    loop.call_later(0.1, f.set_result, "future")
    t = asyncio.ensure_future(val("task", 0.05))
    order = []
    for x in asyncio.as_completed([f, t, done, val("coro", 0.15)]):
        order.append(await x)
    print(" ".join(order))
    n = 0
    for x in asyncio.as_completed([]):
        n += 1
    print("empty yields", n)
    got = []
    slow = asyncio.ensure_future(val("slow", 1))
    try:
        for x in asyncio.as_completed([val("a", 0.05), slow, val("b", 0.1)], timeout=0.2):
            got.append(await x)
    except asyncio.TimeoutError as e:
        print("timeout after", " ".join(got), type(e).__name__)
    print("slow cancelled?", slow.cancelled(), "done?", slow.done())
    print(await slow)
asyncio.run(main())
