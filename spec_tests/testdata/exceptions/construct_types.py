# exception construction: type names, str() and args of each predeclared exception type
import asyncio
values = [
    Exception(), Exception("plain"), BaseException("base"),
    ValueError("bad value"), RuntimeError("oops"), TypeError("wrong type"),
    ZeroDivisionError("zero"), ValueError(1, 2), RuntimeError(42),
    asyncio.CancelledError(), asyncio.CancelledError("stop now"),
    asyncio.TimeoutError(), asyncio.TimeoutError("too slow"),
    asyncio.InvalidStateError("not ready"),
]
for e in values:
    print(type(e).__name__, "|" + str(e) + "|", len(e.args))
print(ValueError("x").args == ("x",), Exception().args == ())
print(ValueError("x").__class__ is ValueError, asyncio.CancelledError().__class__ is asyncio.CancelledError)
print(ValueError.__name__, asyncio.TimeoutError.__name__, asyncio.InvalidStateError.__name__)
print(ValueError == ValueError, ValueError == TypeError)
d = {ValueError: "v", asyncio.CancelledError: "c"}
print(d[ValueError], d[asyncio.CancelledError])
