# errors the runtime raises inside a task carry Python's types and messages and are caught like any other
import asyncio
async def coro():
    await asyncio.sleep(0)
    return 1
async def main():
    loop = asyncio.get_running_loop()
    c = coro()
    print("first await:", await c)
    try:
        await c
    except RuntimeError as e:
        print("await twice:", type(e).__name__, str(e).startswith("cannot reuse already awaited coroutine"))
    try:
        await asyncio.wait([])
    except ValueError as e:
        print("wait([]):", type(e).__name__, str(e))
    t = asyncio.ensure_future(coro())
    for name, call in [("set_result", lambda: t.set_result(1)),
                       ("set_exception", lambda: t.set_exception(ValueError()))]:
        try:
            call()
        except RuntimeError as e:
            print("task", name + ":", type(e).__name__, str(e))
    await t
    try:
        loop.run_until_complete(coro())
    except RuntimeError as e:
        print("run_until_complete while running:", str(e))
    try:
        loop.run_forever()
    except RuntimeError as e:
        print("run_forever while running:", str(e))
    f = loop.create_future()
    try:
        f.result()
    except asyncio.InvalidStateError as e:
        print("result of pending future:", type(e).__name__, str(e))
asyncio.run(main())
