# Decorators with comments after them and between them, and arguments that
# span lines.


def d(tag):
    return lambda f: (print(tag), f)[1]
@d("one")  # first
# a comment
@d(
    "two")
def h():
    return "h"
print(h())
