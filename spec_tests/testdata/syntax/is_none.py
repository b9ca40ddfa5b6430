# is and is not: identity, for None, True and False above all.
import asyncio

x = None
y = [1]
z = y
print(x is None, x is not None, y is None, y is not None)
print(y is z, y is [1], y == [1], y is not [1])
print(True is True, False is not True, (1 == 1) is True)


async def maybe(flag):
    await asyncio.sleep(0)
    if flag:
        return "value"
    return None


async def main():
    for flag in [True, False]:
        r = await maybe(flag)
        if r is None:
            print("got None")
        elif r is not None and len(r) > 0:
            print("got", r)
    print(await maybe(False) is None)


asyncio.run(main())
