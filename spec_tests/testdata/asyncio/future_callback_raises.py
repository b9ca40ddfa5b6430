# a done callback that raises is reported (stderr) and the other callbacks and the loop go on
import asyncio
loop = asyncio.new_event_loop()
f = loop.create_future()
def good(tag):
    return lambda fut: print("good", tag, fut.result())
def bad(fut):
    print("bad runs")
    raise ValueError("callback failed")
f.add_done_callback(good(1))
f.add_done_callback(bad)
f.add_done_callback(good(2))
f.set_result("x")
loop.call_soon(print, "after callbacks")
loop.call_later(0.01, loop.stop)
loop.run_forever()
print("future still fine:", f.result())
loop.close()
