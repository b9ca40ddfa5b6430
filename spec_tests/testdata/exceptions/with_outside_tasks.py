# with_ on a sync manager works outside tasks too: at top level with no loop running and inside a plain loop callback
import asyncio
class Tag:
    def __init__(self, name):
        self.name = name
    def __enter__(self):
        print("<" + self.name + ">")
        return self.name
    def __exit__(self, exc_type, exc, tb):
        print("</" + self.name + ">")
with Tag("top") as name:
    print("top level body", name)
def callback(label):
    with Tag("cb"):
        print("callback body", label, asyncio.current_task() is None)
async def main():
    loop = asyncio.get_running_loop()
    loop.call_soon(callback, "one")
    with Tag("task"):
        await asyncio.sleep(0)
        print("task body resumes after the callback")
asyncio.run(main())
