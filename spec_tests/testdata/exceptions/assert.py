# assert with and without a message raises AssertionError: args () without one, (None,) for None, ('m',) for a message; true passes
def check(label, f):
    try:
        f()
        print(label, "passed")
    except AssertionError as e:
        print(label, type(e).__name__, len(e.args), "|" + str(e) + "|", repr(e))
def no_msg():
    assert 1 > 2
def none_msg():
    assert [], None
def with_msg():
    assert "", "must not be empty"
def int_msg():
    assert False, 42
def passes():
    assert 2 > 1, "fine"
for label, f in [("no msg", no_msg), ("None msg", none_msg), ("with msg", with_msg), ("int msg", int_msg), ("true", passes)]:
    check(label, f)
try:
    assert False, "caught as Exception"
except Exception as e:
    print(isinstance(e, AssertionError), e.args[0], e.args == ("caught as Exception",))
