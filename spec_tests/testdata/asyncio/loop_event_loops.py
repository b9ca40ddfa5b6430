# get_event_loop / new_event_loop / set_event_loop identities; the running loop wins inside a task; is_running, is_closed, debug flag
import asyncio
a = asyncio.new_event_loop()
b = asyncio.new_event_loop()
print("new loops differ:", a is not b)
asyncio.set_event_loop(a)
print("get returns the set loop:", asyncio.get_event_loop() is a, asyncio.get_event_loop() is a)
async def inside():
    print("inside b: get_event_loop is b:", asyncio.get_event_loop() is b, "running is b:", asyncio.get_running_loop() is b)
    print("running flags:", a.is_running(), b.is_running())
    return "ok"
print(b.run_until_complete(inside()))
print("still a outside:", asyncio.get_event_loop() is a)
asyncio.set_event_loop(b)
print("now b:", asyncio.get_event_loop() is b)
try:
    asyncio.get_running_loop()
except RuntimeError as e:
    print("no running loop:", type(e).__name__)
print("debug:", a.get_debug())
a.set_debug(True)
print("debug now:", a.get_debug(), b.get_debug())
a.set_debug(False)
print("closed:", a.is_closed(), b.is_closed())
a.close()
a.close()
print("closed:", a.is_closed(), b.is_closed(), a.is_running())
print(b.run_until_complete(inside()))
b.close()
asyncio.set_event_loop(None)
