# as_completed: awaiting each yielded future raises the failed ones' exceptions, in completion order
import asyncio
async def work(name, d, fail=False):
    await asyncio.sleep(d)
    if fail:
        raise ValueError(name + " failed")
    return name + " ok"
async def main():
    fs = [work("slow", 0.3), work("bad", 0.1, True), work("mid", 0.2), work("worse", 0.25, True)]
    for f in asyncio.as_completed(fs):
        try:
            print("result:", await f)
        except ValueError as e:
            print("error:", str(e))
    try:
        for f in asyncio.as_completed([work("late", 1), work("early-bad", 0.1, True)], timeout=0.5):
            try:
                print("result:", await f)
            except ValueError as e:
                print("error:", str(e))
    except asyncio.TimeoutError as e:
        print("as_completed timed out:", type(e).__name__)
asyncio.run(main())
