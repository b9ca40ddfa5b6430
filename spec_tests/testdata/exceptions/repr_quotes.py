# repr of an exception quotes its string arguments as Python does: single quotes, double quotes when the text has a ' in it
print(repr(ValueError("it's")), repr(ValueError("say \"hi\"")), repr(ValueError("it's", 'x')))
print(str(KeyError("it's")), str(ValueError("it's", 1)))
print(repr(ValueError("")), str(KeyError("")), "|" + str(ValueError("")) + "|")
