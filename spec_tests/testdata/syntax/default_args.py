# async def with defaults, keyword-only parameters, *args and **kwargs.
import asyncio


async def call(name, *args, timeout=1.0, retries=0, **extra):
    await asyncio.sleep(0)
    keys = sorted(extra.keys())
    return f"{name}{args} timeout={timeout} retries={retries} extra={keys}"


async def main():
    print(await call("a"))
    print(await call("b", 1, 2, retries=3))
    print(await call("c", *[7, 8], timeout=0.5, verbose=True))
    kw = {"retries": 9, "mode": "x"}
    print(await call("d", **kw))


asyncio.run(main())
