# f-strings: quotes, subscripts and slices in fields, conversions (!r, !a,
# !s) with specs, and braces: doubled or inside a string of a field.
import asyncio

d = {'k': 1}
print(f"{d['k']:>3}|{d!r}|{[1, 2][0:1]}|{'é'!a}")
print(f"{{}} {'{'} {1!s:3}|")


async def key():
    await asyncio.sleep(0)
    return 'k'


async def main():
    print(f"{d[await key()]:>3}|{'}'}|{{{await key()}}}")


asyncio.run(main())
