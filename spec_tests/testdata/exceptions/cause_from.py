# raise exc from cause sets __cause__ to that very value and __suppress_context__ to True; outside a handler __context__ stays None
cause = OSError("disk unplugged")
def save():
    raise RuntimeError("save failed") from cause
try:
    save()
except RuntimeError as e:
    print(type(e).__name__, str(e))
    print("cause:", type(e.__cause__).__name__, str(e.__cause__), e.__cause__ is cause)
    print("context:", e.__context__, "suppress:", e.__suppress_context__)
    print("cause's own links:", cause.__cause__, cause.__context__, cause.__suppress_context__)
plain = ValueError("plain")
print("never raised:", plain.__cause__, plain.__context__, plain.__suppress_context__)
try:
    raise KeyError("k") from ValueError(1, 2)
except LookupError as e:
    print(type(e).__name__, str(e), "from", type(e.__cause__).__name__, str(e.__cause__))
