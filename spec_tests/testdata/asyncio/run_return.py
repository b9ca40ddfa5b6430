# asyncio.run: returns the coroutine's value, raises its exception, uses a fresh loop each time (closed after), refuses to nest
import asyncio
loops = []
async def value(x):
    loops.append(asyncio.get_running_loop())
    await asyncio.sleep(0)
    return x
async def fails():
    loops.append(asyncio.get_running_loop())
    await asyncio.sleep(0)
    raise ValueError("from run")
async def nested():
    c = value("never")
    try:
        asyncio.run(c)
    except RuntimeError as e:
        print("nested run:", type(e).__name__)
    return await c
print(asyncio.run(value(1)))
print(asyncio.run(value([1, "two"]))[1])
try:
    asyncio.run(fails())
except ValueError as e:
    print("run raised:", type(e).__name__, e)
print(asyncio.run(nested()))
print(len(loops), loops[0] is not loops[1], loops[1] is not loops[2])
print([l.is_closed() for l in loops], [l.is_running() for l in loops])
