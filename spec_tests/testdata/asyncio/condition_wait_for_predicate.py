# Condition.wait_for(predicate): returns at once when the predicate already holds, otherwise rechecks it after each wake-up and returns its value
import asyncio
async def consumer(cond, box, name, want):
    async with cond:
        calls = [0]
        def ready():
            calls[0] += 1
            return box.get(want)
        got = await cond.wait_for(ready)
        print(name, "got", got, "after", calls[0], "predicate calls")
async def main():
    cond = asyncio.Condition()
    box = {"a": "apple"}
    async with cond:
        print("already true:", await cond.wait_for(lambda: box.get("a")))
    c1 = asyncio.create_task(consumer(cond, box, "c1", "b"))
    c2 = asyncio.create_task(consumer(cond, box, "c2", "c"))
    await asyncio.sleep(0)
    for key, value in [("x", "unrelated"), ("b", "banana"), ("c", "cherry")]:
        async with cond:
            box[key] = value
            print("put", key)
            cond.notify_all()
        await asyncio.sleep(0.01)
    await asyncio.gather(c1, c2)
asyncio.run(main())
