# a missing attribute or method on a string, list, dict or int ("s".push) is an AttributeError
for name, op in [("string", lambda: "s".push), ("string call", lambda: "s".push(1)),
                 ("list", lambda: [1].push(2)), ("dict", lambda: {}.has_key("k")),
                 ("int", lambda: (5).real_part)]:
    try:
        op()
    except AttributeError as e:
        print(name, "->", type(e).__name__, e.__class__ == AttributeError)
try:
    "s".push
except Exception as e:
    print("caught by Exception:", type(e).__name__, isinstance(e, (AttributeError, KeyError)))
print("s".upper(), [1].pop())
