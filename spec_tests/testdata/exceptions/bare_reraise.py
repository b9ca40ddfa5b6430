# a bare raise in a handler re-raises the handled exception itself: same value, args kept, and it is not its own __context__
seen = []
def log_and_reraise():
    try:
        raise ValueError("bad input", 7)
    except ValueError as e:
        seen.append(e)
        raise
try:
    log_and_reraise()
except ValueError as e:
    print("same value:", e is seen[0], "args:", e.args[0], e.args[1])
    print("context:", e.__context__, "cause:", e.__cause__, "suppress:", e.__suppress_context__)
def reraise_mapped():
    try:
        [1, 2, 3][10]
    except LookupError:
        raise
try:
    reraise_mapped()
except IndexError as e:
    print("mapped error re-raised:", type(e).__name__, e.__context__)
