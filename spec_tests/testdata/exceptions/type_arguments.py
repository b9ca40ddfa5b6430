# type() with one argument gives the type of an exception, with three makes
# an exception type; bases that are not a tuple, or two arguments, are a
# TypeError.
E = type("E", (ValueError,), {})
print(type(E("x")).__name__, issubclass(E, ValueError), E.__name__)
for name, op in [("bases not a tuple", lambda: type("P", ValueError, {})), ("two arguments", lambda: type(1, 2)),
                 ("no arguments", lambda: type())]:
    try:
        op()
    except TypeError as e:
        print(name, "->", type(e).__name__ + ":", e)
