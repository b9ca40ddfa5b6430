# issubclass over the whole predeclared hierarchy of Python 3.11, printed as a table (X: subclass of the column's type)
import asyncio
bases = [BaseException, Exception, ArithmeticError, LookupError, RuntimeError, OSError, ConnectionError, ValueError]
rows = [("BaseException", BaseException), ("SystemExit", SystemExit), ("KeyboardInterrupt", KeyboardInterrupt),
        ("GeneratorExit", GeneratorExit), ("BaseExceptionGroup", BaseExceptionGroup), ("Exception", Exception),
        ("ArithmeticError", ArithmeticError), ("ZeroDivisionError", ZeroDivisionError), ("OverflowError", OverflowError),
        ("AssertionError", AssertionError), ("AttributeError", AttributeError), ("LookupError", LookupError),
        ("IndexError", IndexError), ("KeyError", KeyError), ("NameError", NameError), ("RuntimeError", RuntimeError),
        ("NotImplementedError", NotImplementedError), ("RecursionError", RecursionError), ("OSError", OSError),
        ("ConnectionError", ConnectionError), ("BrokenPipeError", BrokenPipeError),
        ("ConnectionRefusedError", ConnectionRefusedError), ("ConnectionResetError", ConnectionResetError),
        ("ConnectionAbortedError", ConnectionAbortedError), ("FileNotFoundError", FileNotFoundError),
        ("FileExistsError", FileExistsError), ("PermissionError", PermissionError), ("TimeoutError", TimeoutError),
        ("IsADirectoryError", IsADirectoryError), ("StopIteration", StopIteration), ("TypeError", TypeError),
        ("ValueError", ValueError), ("UnicodeError", UnicodeError), ("MemoryError", MemoryError),
        ("ExceptionGroup", ExceptionGroup), ("asyncio.CancelledError", asyncio.CancelledError),
        ("asyncio.InvalidStateError", asyncio.InvalidStateError), ("asyncio.TimeoutError", asyncio.TimeoutError)]
print("columns:", " ".join([b.__name__ for b in bases]))
for label, t in rows:
    print("".join(["X" if issubclass(t, b) else "." for b in bases]), label)
