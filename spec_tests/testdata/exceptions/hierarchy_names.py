# __name__ of every predeclared exception type, and e.__class__.__name__ of an instance of each
import asyncio
types = [BaseException, SystemExit, KeyboardInterrupt, GeneratorExit, Exception, ArithmeticError, ZeroDivisionError,
         OverflowError, AssertionError, AttributeError, LookupError, IndexError, KeyError, NameError, RuntimeError,
         NotImplementedError, RecursionError, OSError, ConnectionError, BrokenPipeError, ConnectionRefusedError,
         ConnectionResetError, ConnectionAbortedError, FileNotFoundError, FileExistsError, PermissionError,
         TimeoutError, IsADirectoryError, StopIteration, TypeError, ValueError, UnicodeError, MemoryError,
         asyncio.CancelledError, asyncio.InvalidStateError, asyncio.TimeoutError]
for t in types:
    e = t()
    print(t.__name__, e.__class__.__name__, type(e).__name__, e.__class__ == t)
