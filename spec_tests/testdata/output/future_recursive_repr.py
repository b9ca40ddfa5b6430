# A future whose result reaches itself prints "..." where it recurs, as a
# list that contains itself does. (CPython shows a result through
# reprlib.repr, which cuts longer reprs: these are short enough.)
import asyncio
async def main():
    loop = asyncio.get_running_loop()
    f = loop.create_future()
    f.set_result([f])
    print(f)
    g, h = loop.create_future(), loop.create_future()
    g.set_result([h])
    h.set_result([g])
    print(g)
    print([h], h.result())
asyncio.run(main())
