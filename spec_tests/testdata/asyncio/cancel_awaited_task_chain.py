# cancelling a task that awaits another task cancels that task too, down a chain of tasks; a shielded link stops it
import asyncio
async def link(name, child_factory):
    try:
        if child_factory is None:
            await asyncio.sleep(10)
        else:
            await child_factory()
    except asyncio.CancelledError:
        print(name, "cancelled")
        raise
    finally:
        print(name, "finally")
async def main():
    tasks = {}
    def make(name, inner):
        def factory():
            tasks[name] = asyncio.ensure_future(link(name, inner))
            return tasks[name]
        return factory
    top = make("top", make("middle", make("bottom", None)))()
    await asyncio.sleep(0.1)
    top.cancel()
    try:
        await top
    except asyncio.CancelledError:
        print("states:", *[n + "=" + str(tasks[n].cancelled()) for n in ("top", "middle", "bottom")])
    leaf = asyncio.ensure_future(link("leaf", None))
    async def shielded():
        await asyncio.shield(leaf)
    s = asyncio.ensure_future(link("shielding", shielded))
    await asyncio.sleep(0.1)
    s.cancel()
    try:
        await s
    except asyncio.CancelledError:
        print("shielding cancelled:", s.cancelled(), "leaf running:", not leaf.done())
    leaf.cancel()
    try:
        await leaf
    except asyncio.CancelledError:
        print("leaf cancelled now:", leaf.cancelled())
asyncio.run(main())
