# str() of the KeyError for a missing non-string key is the key's repr: ints, negative ints, tuples of ints, None
d = {0: "zero"}
for k in [5, -1, (1, 2), None, True]:
    try:
        d[k]
    except KeyError as e:
        print(type(e).__name__, "|" + str(e) + "|")
