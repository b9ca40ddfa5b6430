# the KeyError of a missing dict key carries the key as args[0] (a script can read which key was missing), and its repr is Python's
d = {"a": 1}
for k in ["kiwi", 7, ("x", 1)]:
    try:
        d[k]
    except KeyError as e:
        print(len(e.args), e.args[0] == k, repr(e))
try:
    d["missing"]
except LookupError as e:
    print("missing key was:", e.args[0])
