# top-level values reach asyncio.run's main (a copy); main's sets do not come back; one Runner keeps one context across its run() calls
import asyncio
import contextvars
var = contextvars.ContextVar("var", default="default")
async def show_and_set(label, value):
    print(label, "sees", var.get())
    var.set(value)
var.set("top level")
asyncio.run(show_and_set("first asyncio.run", "set in run 1"))
asyncio.run(show_and_set("second asyncio.run", "set in run 2"))
print("top level after both:", var.get())
with asyncio.Runner() as runner:
    runner.run(show_and_set("runner run 1", "set in runner run 1"))
    runner.run(show_and_set("runner run 2", "set in runner run 2"))
    print("top level during the runner:", var.get())
loop = asyncio.new_event_loop()
loop.run_until_complete(show_and_set("run_until_complete", "set in ruc"))
print("top level after run_until_complete:", var.get())
loop.close()
