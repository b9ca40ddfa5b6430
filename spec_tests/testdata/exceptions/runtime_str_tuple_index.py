# string and tuple indexes out of range are IndexError (a LookupError); slices out of range are not errors
word = "abc"
pair = (1, 2)
for name, op in [("string", lambda: word[3]), ("string negative", lambda: word[-4]),
                 ("tuple", lambda: pair[2]), ("tuple negative", lambda: pair[-3]),
                 ("empty string", lambda: ""[0]), ("empty tuple", lambda: ()[0])]:
    try:
        op()
    except IndexError as e:
        print(name, "->", type(e).__name__)
    try:
        op()
    except LookupError as e:
        print(name, "-> LookupError handler:", type(e).__name__, isinstance(e, LookupError))
print("slices:", word[1:10], pair[5:], "|" + word[7:] + "|")
