# cancel(""): an empty cancel message gives a CancelledError whose str() is empty, inside the task and for its awaiter
import asyncio
async def victim():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError as e:
        print("inside sees |" + str(e) + "|", len(e.args), e.args == ("",))
        raise
async def main():
    t = asyncio.ensure_future(victim())
    await asyncio.sleep(0)
    t.cancel("")
    try:
        await t
    except asyncio.CancelledError as e:
        print("awaiter sees |" + str(e) + "|")
    f = asyncio.get_running_loop().create_future()
    f.cancel("")
    try:
        await f
    except asyncio.CancelledError as e:
        print("future awaiter sees |" + str(e) + "|")
asyncio.run(main())
