# import binds the predeclared modules; from-import binds their names.
import asyncio
import math, time
from asyncio import sleep, gather as g
from functools import partial


async def work(x, y):
    await sleep(0.01)
    return x * y


async def main():
    import asyncio as aio
    from math import floor
    r = await g(work(2, 3), partial(work, 4)(5))
    print(r)
    print(floor(2.7), math.sqrt(16.0))
    print(aio is asyncio, sleep is asyncio.sleep)
    print(time is not None)


asyncio.run(main())
