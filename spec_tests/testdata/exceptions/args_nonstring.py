# str and repr of exceptions whose single argument is not a string: int, float, None, bool, a tuple
for e in [ValueError(42), ValueError(-1.5), ValueError(None), ValueError(True), ValueError((1, 2)),
          RuntimeError(0), TypeError(()), KeyError(7), KeyError(None)]:
    print(type(e).__name__, len(e.args), "|" + str(e) + "|", repr(e))
e = ValueError(None)
print(e.args[0] == None, len(e.args))
