# cancelling a task that waits on a future cancels that future too and raises CancelledError at the task's await
import asyncio
async def waiter(fut):
    try:
        print("waiter awaits the future")
        await fut
        print("never")
    except asyncio.CancelledError as e:
        print("waiter got", type(e).__name__, "future cancelled:", fut.cancelled())
        raise
    finally:
        print("waiter finally")
async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    t = asyncio.ensure_future(waiter(fut))
    await asyncio.sleep(0)
    print("before cancel:", t.done(), t.cancelled(), fut.done())
    print("cancel returns", t.cancel())
    print("right after cancel:", t.done(), t.cancelled(), fut.cancelled())
    try:
        await t
    except asyncio.CancelledError:
        print("main: task cancelled:", t.done(), t.cancelled())
    try:
        fut.set_result(1)
    except asyncio.InvalidStateError:
        print("the cancelled future refuses a result")
    shared = loop.create_future()
    a = asyncio.ensure_future(waiter(shared))
    b = asyncio.ensure_future(waiter(shared))
    await asyncio.sleep(0)
    a.cancel()
    await asyncio.sleep(0)
    print("a cancelled:", a.cancelled(), "b done:", b.done(), "shared cancelled:", shared.cancelled())
    await asyncio.sleep(0)
    print("b cancelled too:", b.cancelled())
asyncio.run(main())
