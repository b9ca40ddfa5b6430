# walking a chain as a traceback would print it: __cause__ first, else __context__ unless suppressed (type and str of each link)
def walk(e):
    label = "raised"
    while e is not None:
        print("  " + label + ":", type(e).__name__, "|" + str(e) + "|")
        if e.__cause__ is not None:
            label, e = "cause", e.__cause__
        elif e.__context__ is not None and not e.__suppress_context__:
            label, e = "context", e.__context__
        else:
            e = None
def lookup():
    return {}["port"]
def parse():
    try:
        lookup()
    except KeyError:
        raise ValueError("no port")
def connect():
    try:
        parse()
    except ValueError as e:
        raise ConnectionError("cannot connect") from e
def start():
    try:
        connect()
    except OSError:
        raise RuntimeError("startup failed")
def quiet():
    try:
        connect()
    except OSError:
        raise RuntimeError("startup failed quietly") from None
for f in [start, quiet]:
    try:
        f()
    except RuntimeError as e:
        print(f.__name__)
        walk(e)
