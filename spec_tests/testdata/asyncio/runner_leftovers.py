# tasks left running when Runner.run() returns keep going during the next run() on the same Runner; close() cancels what is still pending
import asyncio
async def background(log):
    try:
        for i in range(100):
            log.append(i)
            await asyncio.sleep(0.02)
    except asyncio.CancelledError:
        print("background cancelled at close; ticked more than twice:", len(log) > 2)
        raise
async def start(log):
    t = asyncio.create_task(background(log), name="bg")
    await asyncio.sleep(0.03)
    return t
async def later(t):
    await asyncio.sleep(0.045)
    return t.done(), [x.get_name() for x in asyncio.all_tasks() if x is not asyncio.current_task()]
log = []
runner = asyncio.Runner()
t = runner.run(start(log))
print("after the first run: ticks", len(log), "done?", t.done())
done, others = runner.run(later(t))
print("during the second run it went on: ticks > 2:", len(log) > 2, "done?", done, "others:", others[0])
runner.close()
print("after close: cancelled?", t.cancelled())
