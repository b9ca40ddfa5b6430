# asyncio.Future()/Task() bind to the current loop or to loop=; get_loop; futures as dict keys and set members
import asyncio
a = asyncio.new_event_loop()
b = asyncio.new_event_loop()
asyncio.set_event_loop(a)
f1 = asyncio.Future()
f2 = asyncio.Future(loop=b)
print(f1.get_loop() is a, f2.get_loop() is b, f2.get_loop() is a)
async def coro(x):
    return x * 2
t = asyncio.Task(coro(21), loop=b)
print(t.get_loop() is b)
print(b.run_until_complete(t))
e = asyncio.ensure_future(coro(5), loop=a)
print(e.get_loop() is a, a.run_until_complete(e))
d = {f1: "one", f2: "two", t: "task"}
print(d[f1], d[f2], d[t], len(d))
s = set([f1, f2, t, e])
s.discard(f2)
print(len(s), f2 in s, t in s)
print(f1 == f1, f1 == f2)
a.close()
b.close()
asyncio.set_event_loop(None)
