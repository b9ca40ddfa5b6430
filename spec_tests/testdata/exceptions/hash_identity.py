# exceptions are hashable by identity: equal-looking values are distinct set members and dict keys; the same value is found again
a = ValueError("same text")
b = ValueError("same text")
s = set([a, b, a])
print(len(s), a in s, b in s, ValueError("same text") in s, a == b, a == a, a != b)
s.add(a)
s.discard(b)
print(len(s), a in s, b in s)
owners = {a: "first", b: "second"}
print(len(owners), owners[a], owners[b], owners.get(KeyError("same text"), "absent"))
try:
    raise a
except ValueError as e:
    print("raised value is the key:", owners[e], e in s)
seen = {}
for e in [a, b, a, a]:
    seen[e] = seen.get(e, 0) + 1
print(seen[a], seen[b])
