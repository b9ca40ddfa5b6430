# integer // and % by zero are ZeroDivisionError, caught by ZeroDivisionError, ArithmeticError and Exception, not by ValueError
zero = 0
ops = [("1 // 0", lambda: 1 // 0), ("1 % 0", lambda: 1 % 0), ("-7 // zero", lambda: -7 // zero),
       ("7 % zero", lambda: 7 % zero)]
for name, op in ops:
    try:
        op()
    except ZeroDivisionError as e:
        print(name, "ZeroDivisionError:", type(e).__name__)
    try:
        op()
    except ArithmeticError as e:
        print(name, "ArithmeticError:", type(e).__name__, isinstance(e, ArithmeticError))
    try:
        try:
            op()
        except ValueError:
            print("never: ValueError")
    except Exception as e:
        print(name, "Exception:", type(e).__name__)
print(7 // 2, -7 // 2, 7 % 3, -7 % 3)
