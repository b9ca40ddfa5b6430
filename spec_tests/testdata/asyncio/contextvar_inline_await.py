# a coroutine awaited inline runs in the caller's context, so its set() is visible to the caller afterwards; the same coroutine run as a task is not
import asyncio
import contextvars
var = contextvars.ContextVar("var", default="unset")
async def setter(value):
    var.set(value)
    await asyncio.sleep(0)
    return var.get()
async def main():
    print("inline returns", await setter("inline"), "| caller sees", var.get())
    print("task returns", await asyncio.create_task(setter("in a task")), "| caller sees", var.get())
    print("wait_for returns", await asyncio.wait_for(setter("wait_for"), 1), "| caller sees", var.get())
    print("shield returns", await asyncio.shield(setter("shield")), "| caller sees", var.get())
    token = var.set("set by main")
    print("before reset:", await setter("inline again"))
    try:
        var.reset(token)
        print("reset after an inline change:", var.get())
    except ValueError as e:
        print("reset failed")
asyncio.run(main())
