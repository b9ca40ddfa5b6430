# str and repr of the SPEC 15 types made by the script: KeyError's str is the key's repr, the others the message
for e in [KeyError("k"), KeyError(), KeyError("a", "b"), IndexError("list index out of range"), AttributeError("no field"),
          AssertionError("must hold"), NameError("x"), NotImplementedError("later"), RecursionError("deep"),
          OverflowError("big"), StopIteration(5), UnicodeError("bad byte"), MemoryError(), LookupError("missing"),
          ArithmeticError("math"), SystemExit(3), KeyboardInterrupt(), GeneratorExit()]:
    print(type(e).__name__, len(e.args), "|" + str(e) + "|", repr(e))
