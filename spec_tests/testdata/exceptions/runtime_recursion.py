# the recursion limit is RecursionError, caught by RecursionError and by its base RuntimeError; the script goes on afterwards
def down(n):
    return down(n + 1)
def count(n):
    if n == 0:
        return 0
    return 1 + count(n - 1)
try:
    down(0)
except RecursionError as e:
    print("RecursionError:", type(e).__name__)
try:
    down(0)
except RuntimeError as e:
    print("RuntimeError handler:", type(e).__name__, isinstance(e, RuntimeError), issubclass(e.__class__, RuntimeError))
try:
    down(0)
except Exception as e:
    print("Exception handler:", e.__class__.__name__)
print("after:", count(50))
