# str() of a KeyError is the repr of its key, as in Python; other exception types give the message itself
try:
    raise KeyError("missing")
except KeyError as e:
    print("|" + str(e) + "|", e.args[0])
print("|" + str(KeyError(3)) + "|", "|" + str(KeyError()) + "|", "|" + str(ValueError("missing")) + "|")
