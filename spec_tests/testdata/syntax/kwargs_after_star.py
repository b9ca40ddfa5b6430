# Keyword arguments after *args, as Python allows, evaluated in order.
import asyncio


def trace(label, value):
    print("eval", label)
    return value


def show(*args, sep="-", end="."):
    return sep.join([str(a) for a in args]) + end


async def val(v):
    await asyncio.sleep(0.01)
    return v


async def main():
    xs = [1, 2, 3]
    print(show(*xs, sep="+"))
    print(show(0, *xs, end="!", sep=""))
    print(show(*trace("args", xs), sep=trace("sep", ":"), **trace("kw", {"end": "?"})))
    aws = [val(i) for i in range(3)]
    print(await asyncio.gather(*aws, return_exceptions=True))
    opts = {"end": "$"}
    print(show(*xs, **opts))


asyncio.run(main())
