# all_tasks: the loop's unfinished tasks, including the current one; finished and cancelled tasks drop out
import asyncio
async def sleeper(d):
    await asyncio.sleep(d)
async def main():
    me = asyncio.current_task()
    print("alone:", len(asyncio.all_tasks()), me in asyncio.all_tasks())
    ts = [asyncio.ensure_future(sleeper(0.1 * i)) for i in range(1, 4)]
    print("created:", len(asyncio.all_tasks()), all(t in asyncio.all_tasks() for t in ts))
    await asyncio.sleep(0.15)
    print("after one finished:", len(asyncio.all_tasks()), ts[0] in asyncio.all_tasks())
    ts[2].cancel()
    print("cancel requested:", len(asyncio.all_tasks()))
    await asyncio.sleep(0)
    print("after cancel ran:", len(asyncio.all_tasks()), ts[2] in asyncio.all_tasks())
    await ts[1]
    print("end:", len(asyncio.all_tasks()))
loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)
print("before run:", len(asyncio.all_tasks(loop)))
loop.run_until_complete(main())
print("after run:", len(asyncio.all_tasks(loop)))
t = loop.create_task(sleeper(0))
print("pending, loop stopped:", len(asyncio.all_tasks(loop)), t in asyncio.all_tasks(loop))
loop.run_until_complete(t)
print("done:", len(asyncio.all_tasks(loop)))
loop.close()
