# an exception raised in else has no __context__ (nothing is being handled there); one raised after a nested handler links to the outer one
def in_else():
    try:
        pass
    except ValueError:
        pass
    else:
        raise RuntimeError("from else")
try:
    in_else()
except RuntimeError as e:
    print(str(e), "| context:", e.__context__)
def after_nested():
    try:
        raise KeyError("outer")
    except KeyError:
        try:
            raise TypeError("inner")
        except TypeError:
            pass
        raise RuntimeError("after nested")
try:
    after_nested()
except RuntimeError as e:
    print(str(e), "| context:", type(e.__context__).__name__, str(e.__context__), "| its context:", e.__context__.__context__)
