# tasks cancelled before their first step never run their body (not even finally); their awaiters see CancelledError
import asyncio
async def body(name):
    try:
        print(name, "body runs")
        await asyncio.sleep(0)
    finally:
        print(name, "finally")
    return name
async def main():
    a = asyncio.ensure_future(body("a"))
    b = asyncio.ensure_future(body("b"))
    c = asyncio.ensure_future(body("c"))
    a.add_done_callback(lambda t: print("a done callback, cancelled:", t.cancelled()))
    print("cancel b:", b.cancel())
    print("b state before the loop ran:", b.done(), b.cancelled())
    res = await asyncio.gather(a, b, c, return_exceptions=True)
    print(res[0], type(res[1]).__name__, res[2])
    print("b:", b.done(), b.cancelled())
    d = asyncio.ensure_future(body("d"))
    d.cancel()
    try:
        await d
    except asyncio.CancelledError:
        print("awaiting d raised CancelledError; main cancelled?", asyncio.current_task().cancelled())
    e = asyncio.ensure_future(body("e"))
    e.cancel()
    await asyncio.sleep(0)
    print("e cancel after done:", e.cancel(), e.cancelled())
asyncio.run(main())
