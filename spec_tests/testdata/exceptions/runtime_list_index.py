# a list index out of range (read, negative, assignment) is an IndexError, caught by IndexError, LookupError and Exception
items = [10, 20, 30]
def read_past():
    return items[3]
def read_negative():
    return items[-4]
def assign_past():
    items[7] = 1
for name, op in [("read", read_past), ("negative", read_negative), ("assign", assign_past)]:
    try:
        op()
    except IndexError as e:
        print(name, "IndexError:", type(e).__name__)
    try:
        op()
    except LookupError as e:
        print(name, "LookupError:", type(e).__name__)
    try:
        op()
    except Exception as e:
        print(name, "Exception:", type(e).__name__)
    try:
        try:
            op()
        except KeyError:
            print("never: KeyError")
    except IndexError as e:
        print(name, "not a KeyError:", type(e).__name__)
print(items)
