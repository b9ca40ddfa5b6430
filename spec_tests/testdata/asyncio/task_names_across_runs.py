# the Task-N counter is global to the process, not per loop: a second asyncio.run goes on counting (asyncio.run's own shutdown steps are tasks too)
import asyncio
async def show(label):
    print(label, asyncio.current_task().get_name())
    t = asyncio.create_task(asyncio.sleep(0))
    print(label, "child", t.get_name())
    await t
asyncio.run(show("first run"))
asyncio.run(show("second run"))
loop = asyncio.new_event_loop()
t = loop.create_task(show("own loop"))
print("own loop task:", t.get_name())
loop.run_until_complete(t)
loop.close()
