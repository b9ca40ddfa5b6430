# args, str and repr of exceptions with zero, one and several arguments: str of several is the tuple's repr ('age', -3)
for e in [ValueError(), ValueError("bad age"), ValueError("age", -3), ValueError("a", "b", "c"), RuntimeError(1, 2)]:
    print(type(e).__name__, len(e.args), "|" + str(e) + "|", repr(e))
e = ValueError("age", -3)
print(e.args[0], e.args[1], e.args == ("age", -3), type(e.args).__name__)
print(ValueError().args == (), ValueError("x").args == ("x",))
