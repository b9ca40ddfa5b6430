# an exception in a callback is reported and the loop goes on
import asyncio
loop = asyncio.new_event_loop()
def boom():
    raise ValueError("boom")
loop.call_soon(print, "first")
loop.call_soon(boom)
loop.call_soon(print, "after boom")
loop.call_later(0.01, loop.stop)
loop.run_forever()
print("loop survived")
loop.close()
