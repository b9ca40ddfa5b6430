# The loop API with async def: new_event_loop, run_until_complete, close.
import asyncio


async def compute(x, y):
    print(f"Compute {x} + {y} ...")
    await asyncio.sleep(0.01)
    return x + y


async def print_sum(x, y):
    result = await compute(x, y)
    print(f"{x} + {y} = {result}")


loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
loop.run_until_complete(print_sum(1, 2))
print(loop.run_until_complete(compute(3, 4)))
loop.close()
print(loop.is_closed())
