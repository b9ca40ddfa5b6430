# f-strings: fields, conversions, doubled braces, self-documenting fields,
# raw and triple-quoted f-strings.
import asyncio

name = "world"
n = 3
items = [1, "two", None]
print(f"hello {name}")
print(F"upper prefix {n}")
print(f"{name!r} {name!s} {items} {items!r}")
print(f"{{literal}} {{{n}}}")
print(f"{n=} {name = } {n + 1=}")
print(rf"raw \n {n}")
print(fr"\t{name}\t")
print(f"""triple
{name}
{n * 2}""")
print(f'single quotes {items[1]} {"inner"}')
print(f"{'nested ' + f'{n}'}")
print(f"{n if n > 2 else 0} {[x for x in range(n)]} {len(name)}")
print(f"tab\tescape {n}\n" + "end")
print(f"é ünï {name} ✓")


async def main():
    t = asyncio.current_task()
    print(f"in a coroutine: {await asyncio.sleep(0, 'slept')} {n!r}")


asyncio.run(main())
