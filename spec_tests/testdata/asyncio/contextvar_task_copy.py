# each task runs in a copy of the context taken when it is created: it sees the creator's values then, its own set() stays private, later sets in the creator are invisible
import asyncio
import contextvars
var = contextvars.ContextVar("var", default="default")
async def child(name):
    print(name, "starts with", var.get())
    var.set(name + "-own")
    await asyncio.sleep(0.01)
    print(name, "still sees", var.get())
async def main():
    var.set("before")
    a = asyncio.create_task(child("a"))
    var.set("after creating a")
    b = asyncio.create_task(child("b"))
    await asyncio.sleep(0)
    var.set("main changed again")
    await asyncio.gather(a, b)
    print("main sees", var.get())
    f = asyncio.ensure_future(child("c"))
    await f
    loop = asyncio.get_running_loop()
    await loop.create_task(child("d"))
    print("main still sees", var.get())
asyncio.run(main())
