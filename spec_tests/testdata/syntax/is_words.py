# is, is not and not ... is are operators; the words inside strings,
# comments and names (is_) are left as they are.
import asyncio

x = None
print(not x is None, 'is' + 'not', "await") # is await
is_ = 1
print(is_ is 1, is_ is not 1)
y = [1]
z = y
print(y is z, y is [1], None is None, y is not [1])


async def main():
    not_ = await asyncio.sleep(0, "is not")
    print(not_, not_ is not None, "x is y" if not_ is None else "await")


asyncio.run(main())
