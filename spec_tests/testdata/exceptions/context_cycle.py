# raising an earlier exception while handling one that has it as __context__ does not make a cycle: the old link is cut, as CPython does
def cycle():
    try:
        raise ValueError("a")
    except ValueError as a:
        try:
            raise TypeError("b")
        except TypeError as b:
            print("b's context is a:", b.__context__ is a)
            raise a
try:
    cycle()
except ValueError as a:
    b = a.__context__
    print("a's context:", type(b).__name__, str(b))
    print("b's context now:", b.__context__)
