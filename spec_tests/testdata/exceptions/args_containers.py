# an exception's str and repr show a list, dict or tuple argument with Python's repr: single-quoted strings inside
for e in [ValueError(["a", 1]), ValueError({"k": "v"}), ValueError(("x",)), ValueError("pair", ("a", "b")),
          KeyError(("a", 1)), RuntimeError(["nested", ["list"]])]:
    print(type(e).__name__, "|" + str(e) + "|", repr(e))
