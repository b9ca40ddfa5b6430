# raise ... from inside a handler: __cause__ is the given value, __context__ still the handled exception, __suppress_context__ True
def parse(text):
    try:
        return int(text)
    except ValueError as e:
        raise RuntimeError("config broken") from e
def translate():
    try:
        {}["user"]
    except KeyError:
        raise LookupError("no user") from TypeError("other cause")
try:
    parse("x")
except RuntimeError as e:
    print(type(e).__name__, str(e), "cause:", type(e.__cause__).__name__, "context:", type(e.__context__).__name__)
    print("cause is context:", e.__cause__ is e.__context__, "suppress:", e.__suppress_context__)
try:
    translate()
except LookupError as e:
    print(type(e).__name__, str(e), "cause:", type(e.__cause__).__name__, str(e.__cause__))
    print("context:", type(e.__context__).__name__, "|" + str(e.__context__) + "|", "suppress:", e.__suppress_context__)
