# group_details: ExceptionGroup's reprs, args, what split copies, the constructor's and split's errors, isinstance/issubclass with nested tuples, raising the bare type
import asyncio
eg = ExceptionGroup("m", [ValueError("a"), KeyError("k")])
print(repr(eg))
print(repr(ExceptionGroup("it's", (ValueError('a"b'),))))
print(eg.args[0], len(eg.args))
m, r = eg.split(ValueError)
print(repr(m), repr(r))
print(m.__suppress_context__, repr(m.__cause__), eg.__suppress_context__)
print(type(eg.derive([asyncio.CancelledError()])).__name__)
print(eg.subgroup(lambda e: True) == eg, eg.subgroup(lambda e: False))
def t(f):
    try:
        print("ok", repr(f()))
    except BaseException as e:
        print(type(e).__name__ + ":", e if type(e) != ZeroDivisionError else "")
t(lambda: ExceptionGroup("m"))
t(lambda: ExceptionGroup("m", [ValueError()], x=1))
t(lambda: BaseExceptionGroup("m", [ValueError()], x=1))
t(lambda: ExceptionGroup("m", "ab"))
t(lambda: ExceptionGroup("m", {"a": ValueError()}))
t(lambda: eg.split(3))
t(lambda: eg.split((ValueError, 3)))
t(lambda: eg.split())
t(lambda: eg.subgroup(lambda e: 1 // 0))
t(lambda: isinstance(eg, (ValueError, (KeyError, ExceptionGroup))))
t(lambda: isinstance(3, ValueError))
t(lambda: issubclass(ExceptionGroup, (ValueError, BaseExceptionGroup)))
t(lambda: issubclass(BaseExceptionGroup, ExceptionGroup))
t(lambda: isinstance(eg, 3))
t(lambda: issubclass(eg, ValueError))
t(lambda: issubclass(ValueError, 3))
print(TimeoutError, asyncio.TimeoutError == TimeoutError)
def raise_bare_type():
    raise ExceptionGroup
t(raise_bare_type)
