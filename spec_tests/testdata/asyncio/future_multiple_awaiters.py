# several tasks await one Future: they resume in the order they started waiting, after earlier callbacks
import asyncio
async def waiter(name, fut):
    print(name, "waits")
    v = await fut
    print(name, "woke with", v)
    return name
async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    fut.add_done_callback(lambda f: print("plain callback before waiters"))
    ts = [asyncio.ensure_future(waiter(n, fut)) for n in ["w1", "w2", "w3"]]
    await asyncio.sleep(0)
    fut.add_done_callback(lambda f: print("plain callback after waiters"))
    loop.call_soon(print, "queued before set_result")
    fut.set_result(7)
    print("set_result returned")
    print(" ".join(await asyncio.gather(*ts)))
asyncio.run(main())
