# done callbacks are scheduled in registration order; remove_done_callback counts; partial
import asyncio, functools
loop = asyncio.new_event_loop()
f = loop.create_future()
def cb(tag, fut):
    print("cb", tag, fut.result())
def other(fut):
    print("other")
f.add_done_callback(functools.partial(cb, "first"))
f.add_done_callback(other)
f.add_done_callback(other)
f.add_done_callback(functools.partial(cb, "last"))
print("removed", f.remove_done_callback(other))
loop.call_soon(print, "before set_result")
f.set_result(42)
loop.call_soon(print, "after set_result")
loop.call_soon(loop.stop)
loop.run_forever()
f.add_done_callback(functools.partial(cb, "late"))
loop.call_soon(loop.stop)
loop.run_forever()
loop.close()
