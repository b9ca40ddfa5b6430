# *args and **kwargs in a call, in any order with keyword arguments.
import asyncio


def g(*a, **k):
    return (a, sorted(k.items()))


print(g(*[1], x=1, **{'y': 2}))
print(g(**{'y': 2}, x=1))


async def main():
    print(await asyncio.gather(*[asyncio.sleep(0, i) for i in range(2)], **{'return_exceptions': True}))


asyncio.run(main())
