# e.__class__ is the type itself: a dict key for counting failures by type and for a table of handlers
import asyncio
errors = [KeyError("a"), ValueError("b"), KeyError("c"), asyncio.CancelledError(), ConnectionRefusedError(), ValueError("d")]
counts = {}
for e in errors:
    counts[e.__class__] = counts.get(e.__class__, 0) + 1
for t, n in counts.items():
    print(t.__name__, n)
print(counts[KeyError], KeyError in counts, IndexError in counts, counts.get(asyncio.CancelledError))
handlers = {KeyError: "missing", ValueError: "invalid", ConnectionRefusedError: "retry later"}
for e in errors:
    print(type(e).__name__, "->", handlers.get(e.__class__, "no handler"))
