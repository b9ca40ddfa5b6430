# after a nested try handled another exception, a bare raise in the outer handler re-raises the outer exception; so does one in a helper
def nested():
    try:
        raise KeyError("outer")
    except KeyError:
        try:
            raise TypeError("inner")
        except TypeError as inner:
            print("inner handled:", type(inner).__name__)
        raise
try:
    nested()
except Exception as e:
    print("re-raised:", type(e).__name__, str(e), "context:", e.__context__)
def helper():
    raise
def via_helper():
    try:
        raise OSError(5, "I/O error")
    except OSError:
        helper()
try:
    via_helper()
except OSError as e:
    print("helper re-raised:", type(e).__name__, str(e), "context:", e.__context__)
