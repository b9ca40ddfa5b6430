# call_later(0) and call_at(now) wait for the next iteration: they run after callbacks already ready, before those scheduled later
import asyncio
loop = asyncio.new_event_loop()
def first():
    print("first")
    loop.call_later(0, print, "call_later(0) from first")
    loop.call_soon(print, "call_soon from first")
loop.call_soon(first)
loop.call_later(0, print, "call_later(0) at top")
loop.call_soon(print, "call_soon at top")
loop.call_at(loop.time(), print, "call_at(now) at top")
loop.call_soon(print, "call_soon at top 2")
loop.call_later(0.01, loop.stop)
loop.run_forever()
loop.close()
