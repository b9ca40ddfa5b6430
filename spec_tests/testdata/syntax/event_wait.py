# Tasks wait on an asyncio.Event that another sets.
import asyncio


async def waiter(ev, name):
    print(f"{name} waiting")
    await ev.wait()
    print(f"{name} woke, is_set={ev.is_set()}")


async def setter(ev):
    await asyncio.sleep(0.02)
    print("setting")
    ev.set()


async def main():
    ev = asyncio.Event()
    await asyncio.gather(waiter(ev, "w1"), waiter(ev, "w2"), setter(ev))


asyncio.run(main())
