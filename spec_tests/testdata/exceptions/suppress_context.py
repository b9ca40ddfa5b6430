# raise ... from None sets __suppress_context__ (no cause) but keeps __context__; an omitted from leaves it False
def hide():
    try:
        {}["secret"]
    except KeyError:
        raise ValueError("not found") from None
def keep():
    try:
        {}["secret"]
    except KeyError:
        raise ValueError("not found")
for f in [hide, keep]:
    try:
        f()
    except ValueError as e:
        print(f.__name__, "cause:", e.__cause__, "suppress:", e.__suppress_context__,
              "context:", type(e.__context__).__name__, str(e.__context__))
try:
    raise TypeError("outside any handler") from None
except TypeError as e:
    print("outside:", e.__cause__, e.__suppress_context__, e.__context__)
