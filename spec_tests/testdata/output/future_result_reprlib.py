# a finished future's and task's result is written through reprlib.repr, as CPython's asyncio writes it: 6 items of a list, tuple or set, 4 of a dict (keys sorted), strings and other reprs cut to 30 characters, ints to 40, [...] beyond 6 levels; an exception is written in full
import asyncio
def done(loop, value):
    f = loop.create_future()
    f.set_result(value)
    return f
async def g():
    return {i: i for i in range(10)}
async def text():
    await asyncio.sleep(0)
    return "y" * 100
async def main():
    loop = asyncio.get_running_loop()
    print(done(loop, list(range(10))))
    print(done(loop, "x" * 50))
    t = asyncio.create_task(g())
    await t
    r = repr(t)
    print(r[:r.index(" coro=")] + r[r.index(" result="):])
    t = asyncio.ensure_future(text())
    await t
    r = repr(t)
    print(r[r.index(" result="):])
    print(done(loop, list(range(6))), done(loop, tuple(range(7))), done(loop, (1,)), done(loop, ()))
    print(done(loop, {"b": 1, "a": 2, "d": [1, 2, 3, 4, 5, 6, 7], "c": "z" * 40, "e": 5}))
    print(done(loop, set(range(20))), done(loop, set()), done(loop, {(2, "b"), (1, "a")}))
    print(done(loop, 12345678901234567890123456789012345678901234567890), done(loop, -7), done(loop, 2.5))
    print(done(loop, b"b" * 40), done(loop, None), done(loop, True), done(loop, "it's" * 10), done(loop, "short"))
    print(done(loop, [[[[[[[[1]]]]]]]]), done(loop, {"a": {"b": {"c": {"d": {"e": {"f": {"g": 1}}}}}}}))
    l = [1]
    l.append(l)
    print(done(loop, l))
    inner = done(loop, "x" * 50)
    print(done(loop, [inner, done(loop, 1)]))
    f = loop.create_future()
    f.set_result(f)
    print(f)
    f = loop.create_future()
    f.set_exception(ValueError("e" * 60, list(range(10))))
    print(f)
    f.exception()
    print(await asyncio.sleep(0, result=list(range(3))), done(loop, [list(range(10))] * 2))
asyncio.run(main())
