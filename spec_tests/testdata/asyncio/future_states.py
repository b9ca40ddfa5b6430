# Future states, results and InvalidStateError
import asyncio
loop = asyncio.new_event_loop()
f = loop.create_future()
print(f.done(), f.cancelled())
try:
    f.result()
except asyncio.InvalidStateError as e:
    print("result of pending:", type(e).__name__)
f.set_result("ok")
print(f.done(), f.result(), f.exception())
try:
    f.set_result("again")
except asyncio.InvalidStateError as e:
    print("set twice:", type(e).__name__)
print(f.cancel())
g = loop.create_future()
print(g.cancel(), g.cancelled(), g.done(), g.cancel())
try:
    g.result()
except asyncio.CancelledError as e:
    print("result of cancelled:", type(e).__name__)
h = loop.create_future()
h.set_exception(ValueError("bad"))
print(type(h.exception()).__name__, str(h.exception()))
s = set([f, g, h, f])
print(len(s), f in s)
print(f.get_loop() is loop)
loop.close()
