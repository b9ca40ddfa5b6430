# W4: N tasks (default 100,000; sys.argv[1]) suspended at once on one future.
# bench/run.sh runs it with N=0 and N=100000 and reports the difference in
# peak resident memory divided by N: the memory of one suspended task.
# Prints a check line.
import asyncio, sys

N_TASKS = int(sys.argv[1]) if len(sys.argv) > 1 else 100000

async def waiter(fut):
    return await fut

async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    tasks = [loop.create_task(waiter(fut)) for _ in range(N_TASKS)]
    await asyncio.sleep(0)  # every task runs to its await and suspends
    suspended = 0
    for t in tasks:
        if not t.done():
            suspended += 1
    fut.set_result(1)
    done = await asyncio.gather(*tasks)
    total = 0
    for n in done:
        total += n
    return suspended, total

suspended, total = asyncio.run(main())
print("W4 suspended=%d resumed=%d" % (suspended, total))
