# call_soon callbacks run FIFO; callbacks scheduled by callbacks run next iteration
import asyncio
loop = asyncio.new_event_loop()
def cb(name):
    print("cb", name)
    if name == "a":
        loop.call_soon(cb, "c")
loop.call_soon(cb, "a")
loop.call_soon(cb, "b")
loop.call_soon(loop.stop)
loop.run_forever()
print("after first run")
loop.call_soon(loop.stop)
loop.run_forever()
loop.close()
print(loop.is_closed())
