# A concurrent future's done callback runs as soon as the loop completes it (one iteration after its task ends), between the loop's other callbacks; also for an exception and a cancelled task
import asyncio

async def work(kind):
    print("work runs", kind)
    if kind == "fail":
        raise ValueError("bad")
    if kind == "slow":
        await asyncio.sleep(1)
    return 42

async def main():
    loop = asyncio.get_running_loop()
    me = asyncio.current_task()
    finished = loop.create_future()
    cfs = [asyncio.run_coroutine_threadsafe(work(k), loop) for k in ["ok", "fail", "slow"]]
    for cf in cfs:
        cf.add_done_callback(lambda f: print("cf callback", f.cancelled() or f.exception() or f.result()))
    def tick(i):
        print("tick", i)
        if i == 2:
            for t in asyncio.all_tasks():
                if t is not me:
                    t.cancel()
        if i < 6:
            loop.call_soon(tick, i + 1)
        else:
            finished.set_result(None)
    loop.call_soon(tick, 0)
    await finished
    print("done", [cf.done() for cf in cfs])

asyncio.run(main())
