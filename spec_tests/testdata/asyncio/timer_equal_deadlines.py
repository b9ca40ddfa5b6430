# timers run by deadline whatever the creation order; the same delay from one callback keeps creation order; timers added by timers
import asyncio
loop = asyncio.new_event_loop()
t0 = loop.time()
def fire(name):
    print("fire", name)
    if name == "B":
        loop.call_at(t0 + 0.15, fire, "C0 (added by B, earlier than C)")
        loop.call_later(0, fire, "B+0 (added by B)")
loop.call_at(t0 + 0.2, fire, "C")
loop.call_at(t0 + 0.1, fire, "B")
loop.call_at(t0 + 0.3, fire, "D")
loop.call_at(t0 + 0.05, fire, "A")
loop.call_at(t0 + 0.4, loop.stop)
loop.run_forever()
print("---")
def burst():
    for name in ["p", "q", "r", "s", "t", "u", "v"]:
        loop.call_later(0.1, fire, name)
    loop.call_later(0.2, loop.stop)
loop.call_soon(burst)
loop.run_forever()
loop.close()
