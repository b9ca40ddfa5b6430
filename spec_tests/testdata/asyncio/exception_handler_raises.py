# a handler that raises does not stop the loop (CPython logs the handler's error to stderr); later reports reach the handler again and the program finishes
import asyncio
calls = []
def handler(loop, context):
    calls.append(context["message"].split(" at ")[0])
    if len(calls) == 1:
        raise RuntimeError("handler itself failed")
def bad(n):
    raise ValueError(n)
async def main():
    loop = asyncio.get_running_loop()
    loop.set_exception_handler(handler)
    loop.call_soon(bad, 1)
    loop.call_soon(bad, 2)
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print("handler calls:", len(calls))
    for c in calls:
        print(" ", c)
    print("main finished")
asyncio.run(main())
