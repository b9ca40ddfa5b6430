# call_later with a negative delay is due in the past (time() + delay), so it runs before zero-delay timers created earlier
import asyncio
loop = asyncio.new_event_loop()
loop.call_later(0, print, "call_later(0), created first")
loop.call_later(0.05, print, "call_later(0.05)")
loop.call_later(-5, print, "call_later(-5), created last")
loop.call_later(0.1, loop.stop)
loop.run_forever()
loop.close()
