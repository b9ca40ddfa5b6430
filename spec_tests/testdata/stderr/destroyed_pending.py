# a task still pending when its loop is closed is reported as destroyed ("Task was destroyed but it is pending!") when it is dropped; this one never started, as a task pending in an await is reported at a point of its coroutine's that CPython's garbage collector chooses
import asyncio
async def f():
    await asyncio.sleep(10)
loop = asyncio.new_event_loop()
t = loop.create_task(f())
loop.close()
print("closed")
del t
print("dropped")
