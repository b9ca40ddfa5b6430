# a task still pending when its loop is closed is reported through the loop's exception handler (keys message, task): "Task was destroyed but it is pending!"
import asyncio
import gc
reports = []
def handler(loop, context):
    reports.append(context["message"] + " | keys: " + ", ".join(sorted(context.keys())))
async def forever(fut):
    await fut
loop = asyncio.new_event_loop()
loop.set_exception_handler(handler)
t = loop.create_task(forever(loop.create_future()))
loop.run_until_complete(asyncio.sleep(0.01))
print("pending at close:", not t.done())
loop.close()
t = None
gc.collect()  # CPython reports when the task is collected; asyncrun when the loop closes
print("reports:", len(reports))
for r in reports:
    print(r)
