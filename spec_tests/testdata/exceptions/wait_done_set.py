# wait(): failed tasks land in the done set with their exception; FIRST_EXCEPTION returns at the first failure
import asyncio
async def work(name, d, fail=False):
    await asyncio.sleep(d)
    if fail:
        raise ValueError(name)
    return name
async def main():
    tasks = [asyncio.ensure_future(work("a", 0.1)), asyncio.ensure_future(work("b", 0.2, True)),
             asyncio.ensure_future(work("c", 0.3))]
    done, pending = await asyncio.wait(tasks)
    print(len(done), len(pending))
    for t in tasks:
        e = t.exception()
        print(" ", "exception" if e else "result", type(e).__name__ if e else t.result(), str(e) if e else "")
    tasks = [asyncio.ensure_future(work("d", 0.1)), asyncio.ensure_future(work("e", 0.2, True)),
             asyncio.ensure_future(work("f", 0.5))]
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_EXCEPTION)
    print("FIRST_EXCEPTION:", len(done), len(pending), [t in done for t in tasks])
    for t in tasks:
        if t in done and t.exception() is not None:
            try:
                await t
            except ValueError as e:
                print("  awaiting the failed one raises", str(e))
    print("f still pending:", tasks[2].done(), tasks[2].cancelled())
    print("f result:", await tasks[2])
    tasks = [asyncio.ensure_future(work("g", 0.2, True)), asyncio.ensure_future(work("h", 0.1, True))]
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
    print("FIRST_COMPLETED:", " ".join([str(t.exception()) for t in tasks if t in done]), len(pending))
    await asyncio.wait(pending)
    print("g:", str(tasks[0].exception()))
asyncio.run(main())
