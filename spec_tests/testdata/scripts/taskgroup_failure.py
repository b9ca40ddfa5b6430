# taskgroup_failure: one child of a TaskGroup fails; its siblings are cancelled and the errors arrive as an ExceptionGroup.
import asyncio

async def download(name, seconds, fail=False):
    try:
        await asyncio.sleep(seconds)
        if fail:
            raise ValueError("%s: checksum mismatch" % name)
        print(name, "downloaded")
        return name
    except asyncio.CancelledError:
        print(name, "cancelled")
        raise

async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(download("small.txt", 0.01))
            tg.create_task(download("broken.iso", 0.02, fail=True))
            tg.create_task(download("huge.tar", 1))
    except* ValueError as errors:
        print("caught:", errors)
        for e in errors.exceptions:
            print("  ValueError:", e)
    print("main goes on")

asyncio.run(main())
