# e.__class__ works where a type does: as an except type, with isinstance/issubclass, and called to make a new exception of that type
def rethrow_as_same_type(e, text):
    return e.__class__(text)
original = PermissionError("nope")
try:
    raise original
except original.__class__ as e:
    print("caught by its __class__:", type(e).__name__, e is original)
copy = rethrow_as_same_type(original, "copy")
print(type(copy).__name__, str(copy), copy is original, copy.__class__ == original.__class__)
print(isinstance(copy, original.__class__), issubclass(original.__class__, OSError), isinstance(KeyError(), original.__class__))
try:
    try:
        {}["x"]
    except ValueError().__class__:
        print("never: ValueError")
except KeyError().__class__ as e:
    print("mapped error caught by KeyError().__class__:", type(e).__name__, e.__class__ == KeyError)
