# a task cancelled before its first step never runs its body, not even its try/finally; awaiting it raises CancelledError
import asyncio
ran = []
async def body(name):
    try:
        ran.append(name)
        print(name, "body runs")
        await asyncio.sleep(0)
    finally:
        print(name, "finally")
async def main():
    t = asyncio.ensure_future(body("t"))
    print("cancel before it starts:", t.cancel(), t.done(), t.cancelled())
    try:
        await t
    except asyncio.CancelledError:
        print("t cancelled:", t.cancelled(), "ran:", ran)
    loop = asyncio.get_running_loop()
    u = loop.create_task(body("u"))
    v = loop.create_task(body("v"))
    u.cancel()
    await asyncio.sleep(0)
    print("u:", u.cancelled(), "v done:", v.done(), "ran:", ran)
    await v
    print("v:", v.cancelled(), v.result())
    w = asyncio.ensure_future(body("w"))
    w.cancel()
    done, pending = await asyncio.wait([w])
    print("wait on it:", len(done), w.cancelled(), ran)
asyncio.run(main())
