# derive() makes a group of the same kind and message; BaseExceptionGroup holds BaseExceptions, turns into ExceptionGroup when all are Exceptions, and escapes except Exception
import asyncio
eg = ExceptionGroup("original", [ValueError("a"), TypeError("b")])
d = eg.derive([KeyError("c")])
print(type(d).__name__, "|", str(d), "|", d.message, type(d.exceptions[0]).__name__)
print("derive gives a new group:", d is not eg)
beg = BaseExceptionGroup("base", [asyncio.CancelledError("c"), ValueError("v")])
print(type(beg).__name__, "|", str(beg), "| isinstance Exception:", isinstance(beg, Exception))
auto = BaseExceptionGroup("only exceptions", [ValueError("v")])
print("BaseExceptionGroup of Exceptions is a", type(auto).__name__, isinstance(auto, Exception))
print("derive of a base group:", type(beg.derive([asyncio.CancelledError()])).__name__, type(beg.derive([ValueError()])).__name__)
match, rest = beg.split(asyncio.CancelledError)
print("split a base group:", type(match).__name__, str(match), "|", type(rest).__name__, str(rest))
def attempt(g):
    try:
        try:
            raise g
        except Exception as e:
            print("  except Exception caught", type(e).__name__)
    except BaseException as e:
        print("  except BaseException caught", type(e).__name__)
attempt(beg)
attempt(auto)
try:
    raise beg
except BaseExceptionGroup as e:
    print("except BaseExceptionGroup catches it:", e.message)
try:
    raise eg
except BaseExceptionGroup as e:
    print("except BaseExceptionGroup also catches ExceptionGroup:", e.message)
