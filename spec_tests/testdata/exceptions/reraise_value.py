# raise e of the exception being handled keeps it as it was (not its own __context__); raising it from a later handler links to that one
def again():
    try:
        raise ValueError("v")
    except ValueError as e:
        raise e
try:
    again()
except ValueError as e:
    print("raise e:", str(e), "context:", e.__context__)
saved = KeyError("saved")
try:
    raise saved
except KeyError:
    pass
print("after first raise:", saved.__context__)
def raise_saved_while_handling():
    try:
        raise TypeError("current")
    except TypeError:
        raise saved
try:
    raise_saved_while_handling()
except KeyError as e:
    print("raised again in a handler:", e is saved, "context:", type(e.__context__).__name__, str(e.__context__))
