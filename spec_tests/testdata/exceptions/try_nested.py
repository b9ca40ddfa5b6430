# nested try statements: inside bodies, handlers and finally blocks, with awaits, each level seeing the right exception
import asyncio
async def raise_later(exc):
    await asyncio.sleep(0.1)
    raise exc
async def main():
    try:
        try:
            await raise_later(ValueError("inner"))
        except ValueError as e:
            print("level 2 caught", str(e))
            try:
                await raise_later(TypeError("in handler"))
            except TypeError as e2:
                print("level 3 caught", str(e2))
            print("back in level 2 handler, e is", str(e))
            await raise_later(RuntimeError("escapes level 2"))
        finally:
            print("level 2 finally")
            try:
                await raise_later(KeyError())
            except KeyError:
                print("finally's own try caught KeyError")
    except RuntimeError as e:
        print("level 1 caught", str(e))
    try:
        try:
            try:
                await raise_later(asyncio.InvalidStateError("deep"))
            finally:
                print("innermost finally")
        except ValueError:
            print("never")
        finally:
            print("middle finally")
    except asyncio.InvalidStateError as e:
        print("outermost caught", type(e).__name__, str(e))
    for i in range(3):
        try:
            try:
                if i == 0:
                    raise ValueError("v%d" % i)
                elif i == 1:
                    raise TypeError("t%d" % i)
                print("iteration", i, "no error")
            except ValueError as e:
                print("inner handled", str(e))
        except TypeError as e:
            print("outer handled", str(e))
        else:
            print("outer else", i)
asyncio.run(main())
