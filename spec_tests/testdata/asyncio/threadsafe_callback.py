# run_coroutine_threadsafe from a plain callback on the loop's own thread: order, concurrent future callbacks, result, exception
import asyncio
async def add(a, b):
    print("add starts")
    await asyncio.sleep(0.01)
    print("add returns")
    return a + b
async def fail():
    await asyncio.sleep(0)
    raise ValueError("cf failed")
futs = {}
def from_callback(loop):
    print("callback submits")
    cf = asyncio.run_coroutine_threadsafe(add(2, 3), loop)
    cf.add_done_callback(lambda f: print("cf done callback", f.result()))
    futs["add"] = cf
    futs["fail"] = asyncio.run_coroutine_threadsafe(fail(), loop)
    loop.call_soon(print, "queued after submitting")
    print("done at once?", cf.done())
loop = asyncio.new_event_loop()
loop.call_soon(from_callback, loop)
loop.call_later(0.1, loop.stop)
loop.run_forever()
print(futs["add"].done(), futs["add"].result(), futs["add"].exception())
print(type(futs["fail"].exception()).__name__)
try:
    futs["fail"].result()
except ValueError as e:
    print("result raises:", e)
loop.close()
