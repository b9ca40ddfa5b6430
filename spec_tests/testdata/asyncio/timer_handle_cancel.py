# timer handles: cancel from another callback before they fire, cancel after they ran (no effect), cancelled() state, cancel twice
import asyncio
loop = asyncio.new_event_loop()
handles = {}
def fire(name):
    print("fire", name)
def canceller():
    print("canceller cancels b and the already-run a")
    handles["b"].cancel()
    handles["a"].cancel()
    handles["b"].cancel()
handles["a"] = loop.call_later(0.01, fire, "a")
loop.call_later(0.02, canceller)
handles["b"] = loop.call_later(0.03, fire, "b")
handles["c"] = loop.call_later(0.04, fire, "c")
s = loop.call_soon(fire, "soon (cancelled by a timer that runs too late)")
loop.call_soon(s.cancel)
loop.call_later(0.1, loop.stop)
print(" ".join(["%s=%s" % (k, h.cancelled()) for k, h in sorted(handles.items())]))
loop.run_forever()
print(" ".join(["%s=%s" % (k, h.cancelled()) for k, h in sorted(handles.items())]))
print("soon handle cancelled:", s.cancelled())
loop.close()
