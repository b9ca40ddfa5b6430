# The CPython twin of testdata/taskgroup_timeout.star: the reprs of
# TaskGroup and Timeout, a group's __context__ and __suppress_context__,
# a child raising a BaseException, the TimeoutError's __cause__, and
# entering outside a task or a loop. Its output is taskgroup_timeout.out.
import asyncio


async def bad(e):
    await asyncio.sleep(0)
    raise e


async def nap(d):
    await asyncio.sleep(d)


async def main():
    tg = asyncio.TaskGroup()
    print(type(tg).__name__, repr(tg))
    async with tg:
        t = tg.create_task(nap(0.01), name=123)
        print(repr(tg), t.get_name())
        print(repr(t).split(" cb=")[1])
        await asyncio.sleep(0)
    print(repr(tg))
    try:
        async with asyncio.TaskGroup() as g:
            g.create_task(bad(ValueError("v")))
            raise KeyError("body")
    except ExceptionGroup as e:
        print(repr(e), e.__suppress_context__, repr(e.__context__), repr(e.__cause__))
    try:
        async with asyncio.TaskGroup() as g:
            g.create_task(bad(BaseException("b")))
            g.create_task(bad(ValueError("v")))
    except BaseExceptionGroup as e:
        print(repr(e), e.__context__)
    try:
        async with asyncio.TaskGroup() as g:
            g.create_task(bad(BaseExceptionGroup("inner", [asyncio.CancelledError()])))
    except BaseExceptionGroup as e:
        print(repr(e))
    cm = asyncio.timeout(1)
    print(type(cm).__name__, repr(cm))
    async with cm:
        print(repr(cm).startswith("<Timeout [active] when="))
        cm.reschedule(100000000000000000000)
        print(repr(cm), cm.when())
        cm.reschedule(None)
        print(repr(cm))
    print(repr(cm))
    cm = asyncio.timeout(0)
    try:
        async with cm:
            await asyncio.sleep(1)
    except TimeoutError as e:
        print(repr(e), repr(e.__cause__), repr(e.__context__), e.__suppress_context__)
    print(repr(cm))
    cm = asyncio.timeout_at(5)
    print(cm.when(), repr(cm))

    def cb():
        for m in [asyncio.timeout(1), asyncio.TaskGroup()]:
            try:
                m.__aenter__().send(None)
            except RuntimeError as e:
                print("in a callback:", e)
    asyncio.get_running_loop().call_soon(cb)
    await asyncio.sleep(0)
    try:
        asyncio.timeout("x")
    except TypeError:
        print("TypeError")

asyncio.run(main())


async def enter(m):
    async with m:
        pass

for m in [asyncio.timeout_at(1), asyncio.TaskGroup()]:
    try:
        enter(m).send(None)
    except RuntimeError as e:
        print("outside:", e)
try:
    asyncio.timeout(1)
except RuntimeError as e:
    print("timeout outside:", e)
