# catching by type follows Python 3.11's hierarchy: base types catch subtypes, CancelledError is not an Exception
import asyncio
def attempt(exc):
    try:
        try:
            raise exc
        except RuntimeError as e:
            print("  RuntimeError handler:", type(e).__name__, str(e))
        except Exception as e:
            print("  Exception handler:", type(e).__name__, str(e))
    except BaseException as e:
        print("  BaseException handler:", type(e).__name__, str(e))
for exc in [RuntimeError("r"), ValueError("v"), TypeError("t"), ZeroDivisionError("z"),
            asyncio.TimeoutError("to"), asyncio.InvalidStateError("is"),
            asyncio.CancelledError("c"), BaseException("b"), Exception("e")]:
    print("raise", type(exc).__name__)
    attempt(exc)
try:
    raise asyncio.TimeoutError("deadline")
except asyncio.TimeoutError as e:
    print("TimeoutError caught by its own type:", str(e))
try:
    raise asyncio.CancelledError("cc")
except asyncio.CancelledError as e:
    print("CancelledError caught by its own type:", str(e))
