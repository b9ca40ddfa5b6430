# W3: 1,000,000 loop.call_soon callbacks. Each callback counts and schedules
# the next with call_soon; the last one completes a future that main awaits.
# Prints a check line; bench/run.sh measures the wall time.
import asyncio

N_CALLBACKS = 1000000

def tick(loop, i, fut):
    if i == N_CALLBACKS:
        fut.set_result(i)
    else:
        loop.call_soon(tick, loop, i + 1, fut)

async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    loop.call_soon(tick, loop, 1, fut)
    return await fut

print("W3 callbacks=%d" % asyncio.run(main()))
