# gather and TaskGroup wrap coroutines in tasks, each with a copy of the context at that moment; values set inside them do not leak out
import asyncio
import contextvars
var = contextvars.ContextVar("var", default=0)
async def bump(label):
    start = var.get()
    var.set(start + 100)
    await asyncio.sleep(0)
    return "%s saw %d, set %d" % (label, start, var.get())
async def main():
    var.set(1)
    coro = bump("gather-1")
    var.set(2)
    results = await asyncio.gather(coro, bump("gather-2"))
    print("\n".join(results))
    print("after gather:", var.get())
    async with asyncio.TaskGroup() as tg:
        t1 = tg.create_task(bump("tg-1"))
        var.set(3)
        t2 = tg.create_task(bump("tg-2"))
    print(t1.result())
    print(t2.result())
    print("after the group:", var.get())
asyncio.run(main())
