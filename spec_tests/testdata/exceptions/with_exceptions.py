# with_ and exceptions: __exit__ sees the body's exception type and value; True suppresses it (with_ gives None), False lets it through
import asyncio
class Manager:
    def __init__(self, suppress):
        self.suppress = suppress
    def __enter__(self):
        return self
    def __exit__(self, exc_type, exc, tb):
        if exc_type is None:
            print("  exit: no exception")
        else:
            print("  exit:", exc_type.__name__, "|" + str(exc) + "|", isinstance(exc, exc_type), exc_type is type(exc))
        return self.suppress
def run(label, suppress, exc):
    print("--", label)
    result = None
    with Manager(suppress):
        print("  body")
        if exc is not None:
            raise exc
        result = "body value"
    return result
print(run("no error", False, None))
print(run("no error, suppressing manager", True, None))
print(run("suppressed", True, ValueError("v")))
try:
    run("not suppressed", False, KeyError("k"))
except KeyError as e:
    print("caught outside:", type(e).__name__, str(e))
def divide():
    with Manager(False):
        return 1 // 0
try:
    divide()
except ZeroDivisionError as e:
    print("runtime error reached __exit__ and the caller:", type(e).__name__)
def cancel_in_sync():
    with Manager(True):
        raise asyncio.CancelledError("stop")
    return "after suppressed CancelledError"
print(cancel_in_sync())
