# The classes of the small modules print as CPython names them.
import contextvars
import datetime

print(datetime.datetime)
print(contextvars.ContextVar)
print(contextvars.Token)
