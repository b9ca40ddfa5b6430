# raising an instance of each type: the first matching handler of a base-type table catches it (SystemExit and friends only by BaseException)
import asyncio
types = [SystemExit, KeyboardInterrupt, GeneratorExit, ZeroDivisionError, OverflowError, AssertionError,
         AttributeError, IndexError, KeyError, NameError, NotImplementedError, RecursionError, BrokenPipeError,
         ConnectionRefusedError, ConnectionResetError, ConnectionAbortedError, FileNotFoundError, FileExistsError,
         PermissionError, TimeoutError, IsADirectoryError, StopIteration, TypeError, UnicodeError, MemoryError,
         asyncio.CancelledError, asyncio.InvalidStateError]
def which(t):
    try:
        raise t("m")
    except ConnectionError as e:
        return "ConnectionError handler, " + type(e).__name__
    except OSError as e:
        return "OSError handler, " + type(e).__name__
    except LookupError as e:
        return "LookupError handler, " + type(e).__name__
    except ArithmeticError as e:
        return "ArithmeticError handler, " + type(e).__name__
    except RuntimeError as e:
        return "RuntimeError handler, " + type(e).__name__
    except ValueError as e:
        return "ValueError handler, " + type(e).__name__
    except Exception as e:
        return "Exception handler, " + type(e).__name__
    except BaseException as e:
        return "BaseException handler, " + type(e).__name__
for t in types:
    print(t.__name__, "->", which(t))
