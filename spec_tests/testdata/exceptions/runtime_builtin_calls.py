# sorted([3, "a"]), len(5) and calling an int are TypeError, caught by TypeError and Exception, not by ValueError
five = 5
for name, op in [('sorted([3, "a"])', lambda: sorted([3, "a"])), ("len(5)", lambda: len(5)),
                 ("five()", lambda: five()), ("max of mixed", lambda: max([1, "b"])),
                 ('sorted([None, 1])', lambda: sorted([None, 1]))]:
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
        print(name, "-> Exception handler:", e.__class__.__name__, isinstance(e, TypeError))
print(sorted([3, 1, 2]), len("five"))
