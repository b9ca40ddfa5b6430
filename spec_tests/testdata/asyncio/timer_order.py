# timers run by deadline; equal deadlines in creation order; cancelled handles never run
import asyncio
loop = asyncio.new_event_loop()
t0 = loop.time()
loop.call_later(0.1, print, "b 0.1")
loop.call_later(0.05, print, "a 0.05")
loop.call_at(t0 + 0.2, print, "c 0.2")
h = loop.call_later(0.15, print, "cancelled")
h.cancel()
loop.call_later(-1, print, "negative delay runs first")
loop.call_later(0.3, loop.stop)
loop.run_forever()
print(h.cancelled())
loop.close()
