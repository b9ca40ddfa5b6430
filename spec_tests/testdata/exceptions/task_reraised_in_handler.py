# a task's exception re-raised by await or result() inside a handler is raised there anew: its __context__ becomes the handled exception
import asyncio
async def worker():
    await asyncio.sleep(0.1)
    raise ValueError("worker")
async def main():
    t = asyncio.ensure_future(worker())
    u = asyncio.ensure_future(worker())
    await asyncio.wait([t, u])
    print("before:", t.exception().__context__)
    try:
        t.result()
    except ValueError as e:
        print("outside a handler:", e.__context__)
    try:
        raise KeyError("handling")
    except KeyError:
        try:
            await u
        except ValueError as e:
            print("await inside a handler:", type(e.__context__).__name__, str(e.__context__))
    try:
        raise TypeError("again")
    except TypeError:
        try:
            t.result()
        except ValueError as e:
            print("result() inside a handler:", type(e.__context__).__name__, str(e.__context__), e is t.exception())
asyncio.run(main())
