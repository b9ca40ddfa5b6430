# one handler table over many interpreter errors: each lands in the handler of its Python base type, in table order
five = 5
failing = [("missing key", lambda: {}["k"]), ("list index", lambda: [][0]), ("int // 0", lambda: 1 // 0),
           ("float % 0", lambda: 1.0 % 0), ("None.x", lambda: None.x), ("str.push", lambda: "s".push),
           ("list + tuple", lambda: [1] + (2,)), ("len(5)", lambda: len(5)), ("call int", lambda: five()),
           ('int("x")', lambda: int("x")), ('float("abc")', lambda: float("abc"))]
def classify(op):
    try:
        op()
    except LookupError as e:
        return "lookup " + type(e).__name__
    except ArithmeticError as e:
        return "arithmetic " + type(e).__name__
    except AttributeError as e:
        return "attribute " + type(e).__name__
    except (TypeError, ValueError) as e:
        return "type-or-value " + type(e).__name__
    except Exception as e:
        return "other " + type(e).__name__
for name, op in failing:
    print(name, "=>", classify(op))
