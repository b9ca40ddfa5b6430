# handling a TaskGroup's errors by type, as except* does: split the ExceptionGroup, handle each part, re-raise what is left
import asyncio
async def fail(exc):
    await asyncio.sleep(0)
    raise exc
async def run_group(excs):
    async with asyncio.TaskGroup() as tg:
        for exc in excs:
            tg.create_task(fail(exc))
async def handle(excs):
    print("-- raising", ", ".join(type(e).__name__ for e in excs))
    try:
        await run_group(excs)
    except* ValueError as g:
        print("ValueErrors:", ", ".join(str(e) for e in g.exceptions))
    except* (KeyError, TypeError) as g:
        print("lookup/type errors:", len(g.exceptions), g.message)
async def main():
    await handle([ValueError("v1"), KeyError("k"), ValueError("v2")])
    await handle([TypeError("t")])
    try:
        await handle([ValueError("v3"), RuntimeError("r")])
    except ExceptionGroup as rest:
        print("left over:", str(rest), type(rest.exceptions[0]).__name__)
asyncio.run(main())
