# ExceptionGroup constructor errors, with CPython's messages: an empty list, a non-sequence, a non-string message, a BaseException inside an ExceptionGroup
import asyncio
def attempt(label, make):
    try:
        make()
        print(label, "accepted")
    except (TypeError, ValueError) as e:
        print(label, "->", type(e).__name__, str(e))
attempt("empty list", lambda: ExceptionGroup("m", []))
attempt("not a sequence", lambda: ExceptionGroup("m", ValueError("x")))
attempt("message not a string", lambda: ExceptionGroup(1, [ValueError("x")]))
attempt("a non-exception inside", lambda: ExceptionGroup("m", [ValueError("x"), 3]))
attempt("BaseException in ExceptionGroup", lambda: ExceptionGroup("m", [asyncio.CancelledError()]))
attempt("BaseException in BaseExceptionGroup", lambda: BaseExceptionGroup("m", [asyncio.CancelledError()]))
attempt("empty BaseExceptionGroup", lambda: BaseExceptionGroup("m", []))
attempt("a tuple", lambda: ExceptionGroup("m", (ValueError("x"),)))
