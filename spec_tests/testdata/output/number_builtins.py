# round (half to even, correctly rounded decimals), sum, divmod, pow (with mod), abs, enumerate(start=), min/max with key= and default=, as CPython 3.11
def show(f, args):
    try:
        print(f(*args))
    except (ValueError, TypeError, OverflowError, ZeroDivisionError) as e:
        print(type(e).__name__ + ":", e)
def main():
    print(round(2.5), round(3.5), round(-2.5), round(0.5), round(1.5), round(2.675, 2), round(0.125, 2), round(0.375, 2))
    print(round(2.5, 0), round(-0.4, 0), round(1234.5678, -2), round(1250, -2), round(1350, -2), round(-1250, -2), round(7, 3))
    print(round(1e300, 2), round(5e-324, 400), round(123.456, -5), round(1.0000000000000002, 15), round(True), round(2.5, None))
    print(type(round(2.5)).__name__, type(round(2.5, 1)).__name__, type(round(7, -1)).__name__)
    print(sum([1, 2, 3]), sum([0.1] * 10), sum([1, 2], 10), sum([[1], [2, 3]], []), sum([]), sum((1.5, 2)), sum([], start=5))
    print(divmod(7, 2), divmod(-7, 2), divmod(7, -2), divmod(-7.5, 2), divmod(7, 0.5), divmod(1e300, 1e-300)[1], divmod(-0.0, 1.0))
    print(pow(2, 10), pow(2, 100), pow(2, -1), pow(2.0, 0.5), pow(3, 4, 5), pow(-3, 3, 7), pow(3, -1, 7), pow(5, 3, -7), pow(0, 0))
    print(abs(-3), abs(-2.5), abs(0), abs(-0.0), abs(True))
    print(list(enumerate(["a", "b"])), list(enumerate(["a", "b"], 1)), list(enumerate(["a", "b"], start=10)))
    print(min([3, 1, 2]), max([3, 1, 2]), min(3, 1, 2), max("b", "a", "c"), min([], default=None), max([], default="empty"))
    print(max(["aa", "b", "ccc"], key=len), min(["aa", "b", "ccc"], key=len), max([1, 5], default=0), max([(1, "b"), (1, "a")]))
    for f, args in [(divmod, (1, 0)), (divmod, (1.0, 0)), (pow, (0.0, -1)), (pow, (2, 3, 0)), (pow, (2, -1, 4)), (round, (float("inf"),)),
                    (round, (float("nan"),)), (sum, (["a", "b"], "")), (min, ([],)), (max, ([],))]:
        show(f, args)
main()
