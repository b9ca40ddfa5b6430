# Runner errors with CPython's messages: run() after close, get_loop() after close, a non-coroutine, and run()/asyncio.run() from inside a running loop
import asyncio
async def noop():
    return "ok"
async def nested(runner):
    c = noop()
    try:
        runner.run(c)
    except RuntimeError as e:
        print("Runner.run inside a loop:", str(e))
    try:
        asyncio.run(c)
    except RuntimeError as e:
        print("asyncio.run inside a loop:", str(e))
    return await c
with asyncio.Runner() as runner:
    try:
        runner.run(1)
    except ValueError as e:
        print(type(e).__name__, str(e))
    print(runner.run(nested(asyncio.Runner())))
runner.close()
print("closing twice is fine")
for label, op in [("run", lambda: runner.run(noop())), ("get_loop", lambda: runner.get_loop())]:
    try:
        op()
    except RuntimeError as e:
        print(label, "after close:", type(e).__name__, str(e))
