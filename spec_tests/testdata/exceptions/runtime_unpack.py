# unpacking the wrong number of values (assignment and for loops, too many and too few) is ValueError
def too_many():
    a, b = [1, 2, 3]
def too_few():
    a, b, c = (1, 2)
def loop_too_many():
    for x, y in [(1, 2), (3, 4, 5)]:
        pass
def from_string():
    a, b = "xyz"
for name, op in [("too many", too_many), ("too few", too_few), ("for loop", loop_too_many), ("string", from_string)]:
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
        print(name, "-> Exception handler:", e.__class__.__name__)
a, b = [1, 2]
print("right count:", a, b)
