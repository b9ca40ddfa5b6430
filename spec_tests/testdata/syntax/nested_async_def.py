# async def inside functions and coroutines: closures, factories, recursion.
import asyncio


def make_worker(name):
    async def worker(delay):
        await asyncio.sleep(delay)
        return name + " after " + str(delay)

    return worker


async def fib(n):
    if n < 2:
        return n
    return await fib(n - 1) + await fib(n - 2)


async def main():
    async def inner(x):
        async def innermost():
            return x * 3

        return await innermost() + 1

    print(await inner(5))
    w = make_worker("w1")
    print(await w(0.02))
    print(await fib(10))
    results = await asyncio.gather(make_worker("a")(0.03), make_worker("b")(0.01))
    print(results)


asyncio.run(main())
