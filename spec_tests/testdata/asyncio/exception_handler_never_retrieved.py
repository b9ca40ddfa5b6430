# a task whose exception nobody retrieves is reported through the loop's exception handler (keys exception, future, message) by the time asyncio.run returns
import asyncio
reports = []
def handler(loop, context):
    exc = context.get("exception")
    reports.append(context["message"] + " | keys: " + ", ".join(sorted(context.keys())) + " | " + type(exc).__name__ + ": " + str(exc))
async def fails():
    raise ValueError("nobody looked")
async def fails_but_retrieved():
    raise KeyError("looked at")
async def main():
    asyncio.get_running_loop().set_exception_handler(handler)
    asyncio.create_task(fails())
    t = asyncio.create_task(fails_but_retrieved())
    await asyncio.sleep(0.01)
    print("retrieved:", type(t.exception()).__name__)
    print("main ends")
asyncio.run(main())
print("reports after run:", len(reports))
for r in reports:
    print(r)
