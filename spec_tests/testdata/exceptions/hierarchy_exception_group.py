# ExceptionGroup derives from both BaseExceptionGroup and Exception, as in 3.11; BaseExceptionGroup is not an Exception
print(issubclass(ExceptionGroup, BaseExceptionGroup), issubclass(ExceptionGroup, Exception))
print(issubclass(BaseExceptionGroup, Exception), issubclass(BaseExceptionGroup, BaseException))
print(issubclass(ExceptionGroup, (ValueError, BaseExceptionGroup)), issubclass(BaseExceptionGroup, ExceptionGroup))
print(ExceptionGroup.__name__, BaseExceptionGroup.__name__)
