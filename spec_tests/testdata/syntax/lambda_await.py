# Coroutines made by async defs passed as values: lambdas that return them,
# partial, and a dict of handlers.
import asyncio
from functools import partial


async def greet(greeting, name):
    await asyncio.sleep(0.01)
    return f"{greeting}, {name}!"


handlers = {
    "hi": lambda n: greet("Hi", n),
    "hello": partial(greet, "Hello"),
}


async def main():
    for key in ["hi", "hello"]:
        print(await handlers[key]("Ada"))
    coros = [h("Bob") for h in handlers.values()]
    print(await asyncio.gather(*coros))


asyncio.run(main())
