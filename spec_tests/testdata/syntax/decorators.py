# Decorators are applied bottom-up, after the def, to def and async def,
# with arguments, and nested in functions.
import asyncio

log = []


def tag(label):
    def deco(f):
        log.append("tag " + label)
        return f

    return deco


def twice(f):
    async def wrapper(x):
        return await f(await f(x))

    log.append("twice")
    return wrapper


@tag("outer")
@tag("inner")
@twice
async def inc(x):
    await asyncio.sleep(0.01)
    return x + 1


@tag("plain")
def plain(x):
    return x * 2


def factory():
    @tag("nested")
    async def nested():
        return "nested ran"

    return nested


async def main():
    print(log)
    print(await inc(1))
    print(plain(21))
    print(await factory()())
    print(log)


asyncio.run(main())
