# default task names count up; current_task inside and outside tasks; inline await keeps the task
import asyncio
async def inner():
    return asyncio.current_task()
async def main():
    me = asyncio.current_task()
    print(me.get_name())
    same = await inner()
    print(same is me)
    t = asyncio.ensure_future(inner())
    other = await t
    print(other is t, t.get_name())
    t.set_name("renamed")
    print(t.get_name())
    print(len(asyncio.all_tasks()))
loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
loop.run_until_complete(main())
print(asyncio.current_task(loop) is None)
loop.close()
