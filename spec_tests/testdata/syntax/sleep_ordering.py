# Many tasks sleeping different times print in time order.
import asyncio


async def tick(name, delays, out):
    for d in delays:
        await asyncio.sleep(d)
        out.append(name)
        print(f"{name} ticked after {d}")


async def main():
    out = []
    await asyncio.gather(tick("A", [0.02, 0.04], out), tick("B", [0.03, 0.04], out), tick("C", [0.01], out))
    print(" ".join(out))


asyncio.run(main())
