# ExceptionGroup.split(...) returns (match, rest): both keep the nesting and message, either side is None when empty
import asyncio
def leaves(e):
    if e is None:
        return "None"
    if isinstance(e, BaseExceptionGroup):
        return "[" + e.message + ": " + ", ".join(leaves(s) for s in e.exceptions) + "]"
    return type(e).__name__ + "(" + str(e) + ")"
eg = ExceptionGroup("batch", [ValueError("a"), ExceptionGroup("sub", [KeyError("b"), ValueError("c")]), TypeError("d")])
for label, cond in [("ValueError", ValueError), ("(KeyError, TypeError)", (KeyError, TypeError)),
                    ("Exception", Exception), ("RuntimeError", RuntimeError)]:
    match, rest = eg.split(cond)
    print(label, "->", leaves(match), "|", leaves(rest))
match, rest = eg.split(lambda e: isinstance(e, ValueError) and str(e) != "a")
print("predicate ->", leaves(match), "|", leaves(rest))
parts = eg.split(ValueError)
print("split returns a", type(parts).__name__, "of", len(parts))
print("split(Exception)[0] is the group:", eg.split(Exception)[0] is eg)
