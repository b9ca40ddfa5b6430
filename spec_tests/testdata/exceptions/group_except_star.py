# the except* idiom without except*: split the group per clause, call each handler with its part, re-raise what no clause matched; a naked exception is wrapped in a group with message ""
import asyncio
def run(label, exc):
    print("--", label)
    try:
        try:
            raise exc
        except* ValueError as g:
            print("  ValueError clause:", type(g).__name__, "|" + g.message + "|", ", ".join(str(e) for e in g.exceptions))
        except* (KeyError, TypeError) as g:
            print("  Key/TypeError clause:", "|" + str(g) + "|")
    except BaseException as e:
        print("  escaped:", type(e).__name__, str(e))
run("group of mixed errors", ExceptionGroup("mixed", [ValueError("v1"), TypeError("t"), ValueError("v2")]))
run("nested group", ExceptionGroup("top", [ExceptionGroup("deep", [KeyError("k")]), ValueError("v")]))
run("unmatched part", ExceptionGroup("m", [ValueError("v"), RuntimeError("r")]))
run("naked ValueError", ValueError("naked"))
run("naked RuntimeError", RuntimeError("naked"))
run("nothing matches", ExceptionGroup("m", [RuntimeError("r1"), RuntimeError("r2")]))
