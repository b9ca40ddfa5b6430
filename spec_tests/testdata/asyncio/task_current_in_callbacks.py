# current_task: None in plain callbacks and done callbacks, the task inside it, per-loop outside
import asyncio
def show(where):
    print(where, asyncio.current_task() is None)
async def child():
    show("child task, None?")
    return asyncio.current_task()
async def main():
    loop = asyncio.get_running_loop()
    me = asyncio.current_task()
    show("main task, None?")
    loop.call_soon(show, "call_soon callback, None?")
    loop.call_later(0.05, show, "call_later callback, None?")
    t = asyncio.ensure_future(child())
    t.add_done_callback(lambda f: show("done callback, None?"))
    got = await t
    print("child saw itself:", got is t, "not main:", got is not me)
    await asyncio.sleep(0.1)
    print("still main:", asyncio.current_task() is me, asyncio.current_task(loop) is me)
loop = asyncio.new_event_loop()
loop.run_until_complete(main())
print("outside:", asyncio.current_task(loop) is None)
loop.close()
