# int("x"), int(""), int("1.5"), float("abc") and float("") are ValueError, not TypeError; good input still parses
for name, op in [('int("x")', lambda: int("x")), ('int("")', lambda: int("")), ('int("1.5")', lambda: int("1.5")),
                 ('float("abc")', lambda: float("abc")), ('float("")', lambda: float(""))]:
    try:
        try:
            op()
        except TypeError:
            print("never: TypeError")
    except ValueError as e:
        print(name, "->", type(e).__name__)
    try:
        op()
    except Exception as e:
        print(name, "-> Exception handler:", e.__class__.__name__, isinstance(e, ValueError))
print(int("42"), int("-7"), float("2.5"))
