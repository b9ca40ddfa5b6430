# try at top level around run_until_complete, and inside plain callbacks scheduled with call_soon/call_later
import asyncio
loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
async def fails(msg):
    await asyncio.sleep(0.1)
    raise ValueError(msg)
try:
    loop.run_until_complete(fails("top level"))
except ValueError as e:
    print("top level caught", str(e))
else:
    print("never")
finally:
    print("top level finally")
def callback(n, fut):
    try:
        if n % 2 == 0:
            raise RuntimeError("callback %d" % n)
        print("callback", n, "ok")
    except RuntimeError as e:
        print("callback caught", str(e))
    finally:
        if n == 3:
            fut.set_result("callbacks finished")
fut = loop.create_future()
for n in range(4):
    loop.call_soon(callback, n, fut)
print(loop.run_until_complete(fut))
fut2 = loop.create_future()
def later():
    try:
        fut2.set_result("first")
        fut2.set_result("second")
    except asyncio.InvalidStateError as e:
        print("call_later callback caught", type(e).__name__)
loop.call_later(0.2, later)
print(loop.run_until_complete(fut2))
loop.close()
