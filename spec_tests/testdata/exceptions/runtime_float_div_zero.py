# float division and modulo by zero (1.0/0, 1.0%0, 1/0, 1.0//0.0) are ZeroDivisionError, an ArithmeticError
ops = [("1.0 / 0", lambda: 1.0 / 0), ("1.0 % 0", lambda: 1.0 % 0), ("1 / 0", lambda: 1 / 0),
       ("1.0 // 0.0", lambda: 1.0 // 0.0), ("5 % 0.0", lambda: 5 % 0.0)]
for name, op in ops:
    try:
        op()
    except ZeroDivisionError as e:
        print(name, "->", type(e).__name__)
    try:
        op()
    except ArithmeticError as e:
        print(name, "-> ArithmeticError handler:", e.__class__.__name__)
print(1.0 / 4, 7.5 % 2)
