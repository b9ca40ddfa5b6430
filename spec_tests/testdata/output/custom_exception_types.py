# a script's own exception types (Python's class, here type(name, bases, {})): raised, caught by themselves and their bases, isinstance, repr, args, __cause__, through TaskGroup and gather
import asyncio
class RateLimited(Exception):
    pass
TransientError = type("TransientError", (ConnectionError,), {})
class Fatal(TransientError):
    pass
async def fetch(n):
    await asyncio.sleep(0.01 * n)
    if n == 1:
        raise TransientError("reset by peer", n)
    if n == 2:
        raise RateLimited("slow down")
    return n * 10
async def main():
    print(RateLimited, TransientError, Fatal, RateLimited.__name__, [Fatal])
    e = TransientError("x")
    print(repr(e), str(e), [e], e.args, type(e) == TransientError, type(e).__name__)
    print(isinstance(e, TransientError), isinstance(e, ConnectionError), isinstance(e, OSError), isinstance(e, Fatal), isinstance(e, (RateLimited, Fatal)))
    print(issubclass(Fatal, TransientError), issubclass(Fatal, ConnectionError), issubclass(TransientError, Fatal))
    for exc in [TransientError("a"), Fatal("b"), RateLimited("c"), ConnectionError("d")]:
        try:
            raise exc
        except Fatal as x:
            print("Fatal handler:", repr(x))
        except TransientError as x:
            print("TransientError handler:", repr(x))
        except OSError as x:
            print("OSError handler:", repr(x))
        except Exception as x:
            print("Exception handler:", repr(x))
    try:
        try:
            raise RateLimited("inner")
        except RateLimited as x:
            raise Fatal("outer") from x
    except Fatal as x:
        print("cause:", repr(x.__cause__), "context:", repr(x.__context__))
    results = await asyncio.gather(fetch(0), fetch(1), fetch(2), return_exceptions=True)
    print(results)
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fetch(1))
            tg.create_task(fetch(50))
    except ExceptionGroup as eg:
        match, rest = eg.split(TransientError)
        print("TaskGroup:", repr(eg), match.exceptions, rest)
    print(RateLimited())
asyncio.run(main())
