# an ExceptionGroup raised in a task travels like any exception: await, task.exception(), gather (with and without return_exceptions), wait_for; a TaskGroup nests it
import asyncio
async def raiser(n):
    await asyncio.sleep(0)
    raise ExceptionGroup("from task %d" % n, [ValueError("v%d" % n), KeyError("k%d" % n)])
async def main():
    t = asyncio.create_task(raiser(1))
    try:
        await t
    except ExceptionGroup as eg:
        print("await:", str(eg), "| exception() is it:", t.exception() is eg)
    try:
        await asyncio.gather(raiser(2), asyncio.sleep(0.01))
    except ExceptionGroup as eg:
        print("gather:", str(eg))
    r = await asyncio.gather(raiser(3), asyncio.sleep(0, "ok"), return_exceptions=True)
    print("return_exceptions:", type(r[0]).__name__, str(r[0]), r[1])
    try:
        await asyncio.wait_for(raiser(4), 1)
    except ExceptionGroup as eg:
        print("wait_for:", eg.message, len(eg.exceptions))
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(raiser(5))
    except ExceptionGroup as eg:
        inner = eg.exceptions[0]
        print("TaskGroup:", str(eg), "->", type(inner).__name__, str(inner))
        match, rest = eg.split(KeyError)
        print("split KeyError out of the nest:", str(match.exceptions[0].exceptions[0]), "| rest:", str(rest.exceptions[0].exceptions[0]))
asyncio.run(main())
