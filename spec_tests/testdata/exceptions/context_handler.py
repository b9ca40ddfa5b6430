# an exception raised in a handler gets the handled exception as __context__ (no __cause__, __suppress_context__ False)
def fetch():
    try:
        raise ConnectionResetError("peer left")
    except ConnectionError as e:
        raise RuntimeError("fetch failed")
try:
    fetch()
except RuntimeError as e:
    ctx = e.__context__
    print(type(e).__name__, str(e))
    print("context:", type(ctx).__name__, str(ctx), isinstance(ctx, OSError))
    print("cause:", e.__cause__, "suppress:", e.__suppress_context__, "context's context:", ctx.__context__)
def two_levels():
    try:
        raise ValueError("first")
    except ValueError:
        try:
            raise TypeError("second")
        except TypeError:
            raise KeyError("third")
try:
    two_levels()
except KeyError as e:
    print(str(e), "<-", str(e.__context__), "<-", str(e.__context__.__context__), "<-", e.__context__.__context__.__context__)
