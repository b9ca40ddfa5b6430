# run_until_complete on a future, a coroutine, a task and a done future; it returns the result or raises; the stopping batch finishes
import asyncio
loop = asyncio.new_event_loop()
f = loop.create_future()
when = loop.time() + 0.01
loop.call_at(when, f.set_result, "future value")
loop.call_at(when, print, "same deadline, created after")
loop.call_at(when, lambda: loop.call_soon(print, "scheduled in the last batch"))
print(loop.run_until_complete(f))
loop.call_soon(print, "left over from before")
async def co(x):
    await asyncio.sleep(0.01)
    return x + 1
print(loop.run_until_complete(co(1)))
t = loop.create_task(co(10))
print(loop.run_until_complete(t), t.done())
print("again on the done task:", loop.run_until_complete(t))
g = loop.create_future()
g.set_result("done already")
print(loop.run_until_complete(g))
async def bad():
    await asyncio.sleep(0)
    raise KeyError("k")
try:
    loop.run_until_complete(bad())
except KeyError as e:
    print("raised", type(e).__name__)
c = loop.create_future()
loop.call_soon(c.cancel)
try:
    loop.run_until_complete(c)
except asyncio.CancelledError:
    print("cancelled future:", c.cancelled())
print("running after:", loop.is_running())
loop.close()
