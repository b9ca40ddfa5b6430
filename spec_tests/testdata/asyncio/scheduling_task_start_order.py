# tasks start in creation order once their creator yields, whether made by ensure_future, create_task or Task(), in a task or a callback
import asyncio
async def job(name):
    print("start", name)
    await asyncio.sleep(0)
    print("end", name)
def from_callback(loop, name):
    print("callback creates", name)
    asyncio.ensure_future(job(name), loop=loop)
async def main():
    loop = asyncio.get_running_loop()
    asyncio.ensure_future(job("ensure_future"))
    loop.call_soon(from_callback, loop, "from callback")
    loop.create_task(job("create_task"))
    asyncio.Task(job("Task()"))
    done = loop.create_future()
    done.add_done_callback(lambda f: from_callback(loop, "from done callback"))
    done.set_result(None)
    print("main still running, nothing started")
    await asyncio.sleep(0)
    print("main resumed")
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print("main end")
asyncio.run(main())
