# Future.cancel schedules done callbacks (which see cancelled()); cancel returns False once done
import asyncio
loop = asyncio.new_event_loop()
f = loop.create_future()
def report(tag):
    def cb(fut):
        print(tag, "cancelled:", fut.cancelled(), "done:", fut.done())
    return cb
f.add_done_callback(report("first"))
f.add_done_callback(report("second"))
loop.call_soon(print, "queued before cancel")
print("cancel:", f.cancel())
print("cancel again:", f.cancel())
print("state right after:", f.cancelled(), f.done())
loop.call_soon(loop.stop)
loop.run_forever()
g = loop.create_future()
g.add_done_callback(report("g"))
g.set_result(0)
print("cancel done g:", g.cancel())
loop.call_soon(loop.stop)
loop.run_forever()
loop.close()
