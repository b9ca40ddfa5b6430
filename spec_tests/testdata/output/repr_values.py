# print, str and repr write values as CPython does: quotes, tuples, dicts, sets, bytes, floats, None/True/False, self-containing containers
import asyncio
print([1, "a", (2,), {"k": None}, set([1]), b"x", ValueError("boom")])
print(repr("x"), str("x"), repr("it's"), repr('say "hi"'), repr("both ' \""), repr("tab\tnl\nback\\"))
print((), (1,), (1, "a"), [], {}, set(), set([3]), [None, True, False])
print(1e16, 1e15, 1e-5, 0.0001, -0.0, 0.1 + 0.2, 1 / 3, 2.5, 100.0, 1e100, float("inf"), -float("inf"), float("nan"))
print([1.0, 2.5e-10, 123456789012345678.0])
print(b"", b"a'b", b'a"b', b"\x00\xff\n", [b"ab"])
print({"a": [1, 2], "b": {"c": (None,)}, 3: "x"})
l = [1]
l.append(l)
d = {"k": 1}
d["self"] = d
print(l, d, [l, d])
e = ValueError("boom", 42)
print(e, repr(e), [e], str(e), e.args)
print(repr(KeyError("k")), str(KeyError("k")), [KeyError("k")], RuntimeError(), [TypeError()])
print(str([1, "a"]), repr([1, "a"]), str((1, "a")), str({"a": 1}), str(None), str(True), str(1.5), str(-7))
print("%s|%s" % (str([1, "a"]), repr("q")), "{}".format(str({"k": "v"})))
print(ValueError, KeyError, asyncio.CancelledError, type(ValueError("x")), type(ValueError("x")).__name__)
print([ValueError, asyncio.TimeoutError])
print("sep", 1, "a", sep="|", end="!\n")
c = ValueError([])
c.args[0].append(c)
print(repr(c), [c], str(c))
