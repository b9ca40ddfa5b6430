# The messages of the runtime's own errors (go.starlark.net's, which asyncrun
# maps to Python's exceptions by the form of their text): each line is the
# type and message CPython gives the same code, so an upgrade of
# go.starlark.net that changes a message changes this output.
def f(a):
    return a
def g():
    return 1
def h(a, b):
    return a
def r(n):
    return r(n + 1)
def unpack_many():
    a, b = [1, 2, 3]
def unpack_few():
    a, b, c = [1, 2]
def show(code, op):
    try:
        op()
    except Exception as e:
        print(code, "->", type(e).__name__ + ":", e)
cases = [
    ('{}["kiwi"]', lambda: {}["kiwi"]),
    ('{}[5]', lambda: {}[5]),
    ('{}[(1, "a")]', lambda: {}[(1, "a")]),
    ('[1][5]', lambda: [1][5]),
    ('"ab"[5]', lambda: "ab"[5]),
    ('(1,)[5]', lambda: (1,)[5]),
    ('range(3)[5]', lambda: range(3)[5]),
    ('[][0]', lambda: [][0]),
    ('""[0]', lambda: ""[0]),
    ('()[0]', lambda: ()[0]),
    ('[].pop()', lambda: [].pop()),
    ('[1].pop(5)', lambda: [1].pop(5)),
    ('{}.popitem()', lambda: {}.popitem()),
    ('None.x', lambda: None.x),
    ('"s".push', lambda: "s".push),
    ('1 + "a"', lambda: 1 + "a"),
    ('"a" + 1', lambda: "a" + 1),
    ('[1] + (2,)', lambda: [1] + (2,)),
    ('(1,) + [2]', lambda: (1,) + [2]),
    ('[1] + None', lambda: [1] + None),
    ('-"x"', lambda: -"x"),
    ('1 < "a"', lambda: 1 < "a"),
    ('max([1, "b"])', lambda: max([1, "b"])),
    ('sorted([3, "a"])', lambda: sorted([3, "a"])),
    ('int("x")', lambda: int("x")),
    ('float("")', lambda: float("")),
    ('float("abc")', lambda: float("abc")),
    ('unpack_many()', lambda: unpack_many()),
    ('unpack_few()', lambda: unpack_few()),
    ('len(5)', lambda: len(5)),
    ('(5)()', lambda: (5)()),
    ('f(1, 2, 3)', lambda: f(1, 2, 3)),
    ('g(1)', lambda: g(1)),
    ('f(z=1)', lambda: f(z=1)),
    ('f()', lambda: f()),
    ('h()', lambda: h()),
    ('f(1, a=2)', lambda: f(1, a=2)),
    ('[1].remove(5)', lambda: [1].remove(5)),
    ('"ab".index("z")', lambda: "ab".index("z")),
    ('r(0)', lambda: r(0)),
    ('{[1]: 2}', lambda: {[1]: 2}),
    ('1 // 0', lambda: 1 // 0),
    ('1 % 0', lambda: 1 % 0),
    ('1 / 0', lambda: 1 / 0),
    ('1.0 % 0', lambda: 1.0 % 0),
]
for code, op in cases:
    show(code, op)
