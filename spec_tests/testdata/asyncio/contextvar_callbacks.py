# loop callbacks (call_soon, call_later, done callbacks) run in a copy of the context of whoever scheduled them, taken at scheduling time
import asyncio
import contextvars
var = contextvars.ContextVar("var", default="default")
def cb(label):
    print(label, "sees", var.get())
    var.set("changed by " + label)
async def worker(loop):
    var.set("worker value")
    loop.call_soon(cb, "call_soon from the worker")
    await asyncio.sleep(0.01)
    print("worker still sees", var.get())
async def main():
    loop = asyncio.get_running_loop()
    var.set("main value")
    loop.call_soon(cb, "call_soon from main")
    var.set("main value 2")
    loop.call_later(0.01, cb, "call_later from main")
    await asyncio.sleep(0.02)
    await asyncio.create_task(worker(loop))
    f = loop.create_future()
    var.set("when the callback was added")
    f.add_done_callback(lambda fut: cb("done callback"))
    var.set("when the future completed")
    f.set_result(None)
    await asyncio.sleep(0.02)
    print("main sees", var.get())
asyncio.run(main())
