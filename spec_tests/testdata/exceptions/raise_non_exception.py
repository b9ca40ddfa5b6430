# raising something that is not an exception, or using one as a cause, is a TypeError with CPython's message
for bad in [42, "text", None]:
    try:
        raise bad
    except TypeError as e:
        print("raise:", type(e).__name__, "|" + str(e) + "|")
try:
    raise ValueError("v") from 42
except TypeError as e:
    print("from:", type(e).__name__, "|" + str(e) + "|")
