# except_ dict with tuple keys and handler order: the first matching entry wins
import asyncio
def classify(exc):
    try:
        raise exc
    except (KeyError, TypeError) as e:
        return "key-or-type " + type(e).__name__
    except (ValueError,) as e:
        return "value " + str(e)
    except (asyncio.TimeoutError, asyncio.InvalidStateError) as e:
        return "asyncio " + type(e).__name__
    except Exception as e:
        return "other " + type(e).__name__
    except (asyncio.CancelledError, BaseException) as e:
        return "base " + type(e).__name__
for exc in [KeyError(), TypeError("t"), ValueError("v"), asyncio.TimeoutError(),
            asyncio.InvalidStateError(), RuntimeError(), ZeroDivisionError(),
            asyncio.CancelledError(), BaseException()]:
    print(classify(exc))
def first_wins(exc):
    try:
        raise exc
    except Exception:
        return "Exception first"
    except ValueError:
        return "ValueError second"
print(first_wins(ValueError("x")))
