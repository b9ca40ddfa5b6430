# Future InvalidStateError cases: result/exception of pending, set_* on done or cancelled futures, exception() of cancelled
import asyncio
loop = asyncio.new_event_loop()
f = loop.create_future()
for name, op in [("result", f.result), ("exception", f.exception)]:
    try:
        op()
    except asyncio.InvalidStateError as e:
        print(name, "of pending:", type(e).__name__)
f.set_result(None)
print(f.done(), f.result(), f.exception(), f.cancelled())
try:
    f.set_exception(ValueError("late"))
except asyncio.InvalidStateError as e:
    print("set_exception on done:", type(e).__name__)
print("result kept:", f.result())
g = loop.create_future()
g.cancel()
try:
    g.set_result(1)
except asyncio.InvalidStateError as e:
    print("set_result on cancelled:", type(e).__name__)
try:
    g.set_exception(ValueError("x"))
except asyncio.InvalidStateError as e:
    print("set_exception on cancelled:", type(e).__name__)
try:
    g.exception()
except asyncio.CancelledError as e:
    print("exception of cancelled:", type(e).__name__)
h = loop.create_future()
h.set_exception(KeyError("k"))
try:
    h.result()
except KeyError as e:
    print("result re-raises:", type(e).__name__)
print(type(h.exception()).__name__, h.cancel(), h.cancelled(), h.done())
try:
    h.set_result(2)
except asyncio.InvalidStateError as e:
    print("set_result on failed:", type(e).__name__)
print(isinstance(asyncio.InvalidStateError(), Exception))
loop.close()
