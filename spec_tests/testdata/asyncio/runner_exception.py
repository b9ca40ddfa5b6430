# an exception in the coroutine given to Runner.run() comes out of run(); the Runner stays usable for the next run and its loop stays open
import asyncio
async def fails(msg):
    await asyncio.sleep(0)
    raise KeyError(msg)
async def works():
    await asyncio.sleep(0)
    return "fine"
with asyncio.Runner() as runner:
    try:
        runner.run(fails("first"))
    except KeyError as e:
        print("run raised", type(e).__name__, str(e), "| loop closed?", runner.get_loop().is_closed())
    print("next run:", runner.run(works()))
    try:
        runner.run(asyncio.wait_for(asyncio.sleep(1), 0.01))
    except TimeoutError:
        print("a TimeoutError comes out too")
    print("and again:", runner.run(works()))
try:
    asyncio.run(fails("from asyncio.run"))
except KeyError as e:
    print("asyncio.run raised", str(e))
