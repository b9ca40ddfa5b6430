# wrong operand types ([1] + (2,), -"x", 1 + "a", "a" * "b", 1 < "a", {} + {}) are TypeError, not ValueError
ops = [("[1] + (2,)", lambda: [1] + (2,)), ('-"x"', lambda: -"x"), ('1 + "a"', lambda: 1 + "a"),
       ('"a" * "b"', lambda: "a" * "b"), ('1 < "a"', lambda: 1 < "a"), ("{} + {}", lambda: {} + {}),
       ('"a" - "b"', lambda: "a" - "b")]
for name, op in ops:
    try:
        try:
            op()
        except ValueError:
            print("never: ValueError")
    except TypeError as e:
        print(name, "->", type(e).__name__)
    try:
        op()
    except Exception as e:
        print(name, "-> Exception handler:", type(e).__name__, isinstance(e, TypeError))
print([1] + [2], "a" + "b", -(3))
