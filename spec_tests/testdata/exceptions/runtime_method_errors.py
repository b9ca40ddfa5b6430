# failing methods of builtins raise Python's types: list.pop() of [] IndexError, dict.pop/popitem KeyError, index/remove ValueError
for name, op in [("[].pop()", lambda: [].pop()), ("{}.pop(k)", lambda: {}.pop("k")), ("{}.popitem()", lambda: {}.popitem()),
                 ("[1].index(9)", lambda: [1].index(9)), ("[1].remove(9)", lambda: [1].remove(9)),
                 ('"abc".index("z")', lambda: "abc".index("z"))]:
    try:
        op()
    except LookupError as e:
        print(name, "-> LookupError handler:", type(e).__name__)
    except ValueError as e:
        print(name, "-> ValueError handler:", type(e).__name__)
print({}.pop("k", "default"), [3].pop())
