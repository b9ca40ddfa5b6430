# a task that handles one cancellation and calls uncancel() goes on; a later await is not cancelled again, and a second cancel() is a fresh request
import asyncio
async def resilient():
    me = asyncio.current_task()
    for round in range(2):
        try:
            await asyncio.sleep(10)
        except asyncio.CancelledError as e:
            print("round", round, "cancelled |" + str(e) + "|, cancelling", me.cancelling())
            left = me.uncancel()
            print("uncancel ->", left)
            if round == 1:
                raise
        await asyncio.sleep(0)
        print("round", round, "survived; cancelling", me.cancelling())
    return "unreachable"
async def main():
    t = asyncio.create_task(resilient())
    await asyncio.sleep(0)
    t.cancel("first")
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print("main: done?", t.done(), "cancelling", t.cancelling())
    t.cancel("second")
    try:
        await t
    except asyncio.CancelledError as e:
        print("main: task ended cancelled |" + str(e) + "|", t.cancelled())
asyncio.run(main())
