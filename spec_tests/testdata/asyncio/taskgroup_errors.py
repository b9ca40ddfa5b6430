# TaskGroup misuse is a RuntimeError: create_task before entering, after the group finished, while it shuts down after a failure, and entering twice
import asyncio
async def noop():
    await asyncio.sleep(0)
async def boom():
    raise ValueError("boom")
def show(label, e):
    msg = str(e)
    print(label, type(e).__name__, msg.startswith("TaskGroup <TaskGroup"), msg[msg.index(">") + 2:])
async def main():
    tg = asyncio.TaskGroup()
    c = noop()
    try:
        tg.create_task(c)
    except RuntimeError as e:
        show("before entering:", e)
    await c
    async with tg:
        tg.create_task(noop())
        try:
            async with tg:
                pass
        except RuntimeError as e:
            show("entering twice:", e)
    c = noop()
    try:
        tg.create_task(c)
    except RuntimeError as e:
        show("after it finished:", e)
    await c
    try:
        async with asyncio.TaskGroup() as tg2:
            tg2.create_task(boom())
            try:
                await asyncio.sleep(1)
            except asyncio.CancelledError:
                c = noop()
                try:
                    tg2.create_task(c)
                except RuntimeError as e:
                    show("while shutting down:", e)
                await c
                raise
    except ExceptionGroup as eg:
        print("then the group raised:", str(eg.exceptions[0]))
asyncio.run(main())
