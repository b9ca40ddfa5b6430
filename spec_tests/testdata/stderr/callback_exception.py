# an exception out of a plain callback is reported by the loop's default exception handler ("Exception in callback", the handle, the traceback) and the loop goes on
import asyncio
def cb(n):
    raise ValueError("boom %d" % n)
loop = asyncio.new_event_loop()
loop.call_soon(cb, 1)
loop.run_until_complete(asyncio.sleep(0.1))
print("loop went on")
loop.close()
