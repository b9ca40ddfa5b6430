# ExceptionGroup basics: message, exceptions (a tuple, in order), str() with the sub-exception count, and its place in the hierarchy
import asyncio
eg = ExceptionGroup("several things", [ValueError("bad value"), KeyError("key"), TypeError("bad type")])
print(type(eg).__name__, "|", str(eg))
print("message:", eg.message)
print("exceptions is a", type(eg.exceptions).__name__, "of", len(eg.exceptions))
for e in eg.exceptions:
    print(" ", type(e).__name__, str(e))
one = ExceptionGroup("just one", (RuntimeError("r"),))
print(str(one), "|", type(one.exceptions).__name__)
print("isinstance Exception:", isinstance(eg, Exception), "BaseExceptionGroup:", isinstance(eg, BaseExceptionGroup))
print("issubclass(ExceptionGroup, BaseExceptionGroup):", issubclass(ExceptionGroup, BaseExceptionGroup))
print("issubclass(BaseExceptionGroup, Exception):", issubclass(BaseExceptionGroup, Exception))
print("same objects inside:", eg.exceptions[1] is eg.exceptions[1])
nested = ExceptionGroup("outer", [eg, one, ValueError("loose")])
print(str(nested), "| inner message:", nested.exceptions[0].message)
try:
    raise eg
except ExceptionGroup as caught:
    print("raised and caught:", caught is eg)
try:
    raise eg
except Exception as caught:
    print("caught as Exception:", type(caught).__name__)
print("empty message:", "|" + str(ExceptionGroup("", [ValueError()])) + "|")
