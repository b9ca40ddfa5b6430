# with_ on an async manager: __aenter__/__aexit__ are awaited inline in the current task and may suspend while other tasks run
import asyncio
class Resource:
    def __init__(self, name):
        self.name = name
    async def __aenter__(self):
        print("open", self.name, "in", asyncio.current_task().get_name())
        await asyncio.sleep(0)
        await asyncio.sleep(0)
        print("opened", self.name)
        return self.name + "-handle"
    async def __aexit__(self, exc_type, exc, tb):
        print("close", self.name, "clean:", exc_type is None)
        await asyncio.sleep(0)
        print("closed", self.name)
async def ticker():
    for i in range(6):
        print("  tick", i)
        await asyncio.sleep(0)
async def main():
    t = asyncio.create_task(ticker(), name="ticker")
    async with Resource("db") as h:
        print("body uses", h, "in", asyncio.current_task().get_name())
        await asyncio.sleep(0)
        print("body done")
        value = h.upper()
    print("after the block:", value)
    await t
asyncio.run(main())
