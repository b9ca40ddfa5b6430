# done callbacks: FIFO; a callback added after done is scheduled with call_soon, after callbacks already queued
import asyncio
loop = asyncio.new_event_loop()
f = loop.create_future()
def cb(tag):
    def inner(fut):
        print("cb", tag, fut.result())
        if tag == "b":
            fut.add_done_callback(cb("added by b"))
            loop.call_soon(print, "call_soon by b")
    return inner
f.add_done_callback(cb("a"))
f.add_done_callback(cb("b"))
loop.call_soon(print, "queued before set")
f.set_result("R")
f.add_done_callback(cb("c after done"))
loop.call_soon(print, "queued after set")
f.add_done_callback(cb("d after done"))
loop.call_soon(lambda: loop.call_soon(loop.stop))
loop.run_forever()
print("---")
g = loop.create_future()
g.set_result("G")
g.add_done_callback(cb("on done g"))
print("nothing ran yet")
loop.call_soon(loop.stop)
loop.run_forever()
loop.close()
