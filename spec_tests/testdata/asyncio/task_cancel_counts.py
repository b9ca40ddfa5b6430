# cancel() returns True while the task can still be cancelled and False once done; cancelling() counts requests, also before the first step
import asyncio
async def body():
    await asyncio.sleep(10)
async def quick():
    return "quick"
async def main():
    t = asyncio.create_task(body())
    print("before start: cancel ->", t.cancel("early"), "cancelling", t.cancelling())
    print("again:", t.cancel("second"), "cancelling", t.cancelling())
    try:
        await t
    except asyncio.CancelledError as e:
        print("never started; message |" + str(e) + "|")
    print("done: cancel ->", t.cancel(), "cancelling", t.cancelling(), "cancelled", t.cancelled())
    q = asyncio.create_task(quick())
    print(await q, "cancel after done ->", q.cancel(), "cancelling", q.cancelling(), "cancelled", q.cancelled())
    u = asyncio.create_task(body())
    await asyncio.sleep(0)
    print("running: cancel ->", u.cancel(), u.cancel(), u.cancel(), "cancelling", u.cancelling())
    await asyncio.gather(u, return_exceptions=True)
    print("after: cancelled", u.cancelled(), "cancelling", u.cancelling())
    f = asyncio.get_running_loop().create_future()
    print("future: cancel ->", f.cancel(), f.cancel(), f.cancelled())
asyncio.run(main())
