# isinstance and issubclass with tuples of exception types (an empty tuple matches nothing); non-exception values are no instances
e = KeyError("k")
print(isinstance(e, (ValueError, LookupError)), isinstance(e, (ValueError, TypeError)), isinstance(e, ()))
print(isinstance(e, (KeyError,)), isinstance(e, (IndexError, ArithmeticError, OSError)))
print(issubclass(ConnectionResetError, (ValueError, OSError)), issubclass(ValueError, (LookupError, ArithmeticError)))
print(issubclass(KeyError, ()), issubclass(UnicodeError, (ValueError,)), issubclass(Exception, (BaseException, KeyError)))
print(isinstance(e, KeyError), isinstance(e, IndexError), issubclass(KeyError, KeyError))
print(isinstance(KeyError, KeyError), isinstance("KeyError", KeyError), isinstance(None, Exception), isinstance(3, (Exception,)))
print(issubclass(BaseException, Exception), issubclass(Exception, BaseException))
