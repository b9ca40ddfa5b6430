# isinstance with the builtin types a script can name (int, float, str, bool, list, dict, tuple, set, bytes), exception types and tuples of them; issubclass; type(e)
def main():
    values = [1, True, 1.5, "s", [1], {"k": 1}, (1,), set([1]), b"b", None, ValueError("v")]
    for v in values:
        print(repr(v), isinstance(v, int), isinstance(v, float), isinstance(v, str), isinstance(v, bool), isinstance(v, list),
              isinstance(v, dict), isinstance(v, tuple), isinstance(v, set), isinstance(v, bytes), isinstance(v, (int, str)),
              isinstance(v, (list, (dict, ValueError))), isinstance(v, Exception))
    e = KeyError("k")
    print(isinstance(e, LookupError), isinstance(e, (ValueError, TypeError)), isinstance(e, BaseException))
    print(issubclass(KeyError, LookupError), issubclass(KeyError, (ValueError, Exception)), issubclass(ValueError, KeyError))
    print(type(e) == KeyError, type(e) == LookupError, type(e).__name__, type(e))
    try:
        isinstance(1, "int")
    except TypeError as x:
        print("TypeError:", x)
    print(issubclass(bool, int), issubclass(int, bool), issubclass(str, (int, str)), issubclass(list, Exception), issubclass(KeyError, int))
main()
