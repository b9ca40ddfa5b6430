# run_forever/stop: stop before run_forever runs one iteration; stop lets the current batch finish; nested run_forever is an error
import asyncio
loop = asyncio.new_event_loop()
def chain(n):
    print("chain", n, "running:", loop.is_running())
    if n < 3:
        loop.call_soon(chain, n + 1)
loop.call_soon(chain, 1)
loop.stop()
loop.run_forever()
print("first run returned")
loop.stop()
loop.run_forever()
print("second run returned")
def stopper():
    print("stopper")
    loop.stop()
    loop.call_soon(print, "scheduled after stop")
loop.call_soon(stopper)
loop.call_soon(print, "same batch as stopper")
loop.run_forever()
print("third run returned")
def nested():
    try:
        loop.run_forever()
    except RuntimeError as e:
        print("nested run_forever:", type(e).__name__)
    try:
        loop.close()
    except RuntimeError as e:
        print("close while running:", type(e).__name__)
    loop.stop()
loop.call_soon(nested)
loop.run_forever()
print("running:", loop.is_running(), "closed:", loop.is_closed())
loop.call_later(0.05, loop.stop)
loop.call_later(0.01, print, "timer inside run_forever")
loop.run_forever()
loop.close()
print("closed:", loop.is_closed())
