# f-string format specs, nested fields in specs: format()'s mini-language.
import asyncio

pi = 3.14159265
w = 10
print(f"[{pi:.2f}] [{pi:10.3f}] [{pi:<10.1f}] [{pi:^10.2f}]")
print(f"[{42:5d}] [{42:05d}] [{42:x}] [{42:#b}] [{1234567:,}] [{0.25:.0%}]")
print(f"[{'ab':>{w}}] [{'ab':*^{w}}] [{'ab':{w}}]")
print(f"[{pi:{w}.{2}f}] [{-5:+d}] [{5:+d}] [{1e16:g}] [{12345.678:e}]")
print(f"[{'x'!r:>6}] [{3!s:>3}]")
print(f"[{w=:>4}] [{pi=:.1f}]")


async def show(v):
    await asyncio.sleep(0.01)
    return v


async def main():
    for v in [1, 22, 333]:
        print(f"|{await show(v):>5}|{v * 1.5:8.2f}|")


asyncio.run(main())
