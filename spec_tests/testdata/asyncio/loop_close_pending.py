# close() drops pending callbacks and timers (they never run); a closed loop refuses work; closing twice is fine
import asyncio
loop = asyncio.new_event_loop()
loop.call_soon(print, "ran before close")
loop.call_soon(loop.stop)
loop.run_forever()
loop.call_soon(print, "never runs")
loop.call_later(0.01, print, "never runs either")
f = loop.create_future()
loop.close()
print("closed:", loop.is_closed(), "future still pending:", not f.done())
for name, op in [("call_soon", lambda: loop.call_soon(print, "x")),
                 ("call_later", lambda: loop.call_later(1, print, "x")),
                 ("run_forever", lambda: loop.run_forever())]:
    try:
        op()
    except RuntimeError as e:
        print(name, "on closed loop:", type(e).__name__)
loop.close()
print("second close is fine")
new = asyncio.new_event_loop()
print("a new loop works:", new.run_until_complete(asyncio.sleep(0, result="yes")))
new.close()
