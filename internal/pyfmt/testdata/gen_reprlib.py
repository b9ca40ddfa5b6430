# CPython 3.11's reprlib.repr (which asyncio writes a finished future's
# result with) of values built by programs written in the common subset of
# Python and Starlark, as JSON on stdout: the golden file reprlib.json
# (TestCPythonReprlibTwin checks it; -update rewrites it). Each program
# leaves the value in x; the golden holds [program, reprlib.repr(x)].
import json
import reprlib
import sys
programs = [
    # lists and tuples: 6 items, then ...
    "x = list(range(10))", "x = list(range(6))", "x = list(range(7))", "x = []",
    "x = ()", "x = (1,)", "x = (1, 2)", "x = tuple(range(10))", "x = ('a',) * 7",
    # dicts: 4 entries, keys sorted when they compare
    "x = {i: i for i in range(10)}", "x = {'b': 1, 'a': 2}", "x = {1: 'x', 'a': 2}",
    "x = {'a': 1, 1: 2}", "x = {}", "x = {'k': [1, 2, 3, 4, 5, 6, 7]}",
    "x = {(2, 'b'): 1, (1, 'a'): 2, (1,): 3}", "x = {True: 'a', 0: 'b', 0.5: 'c'}",
    "x = {None: 1}", "x = {'key': 'v' * 100}", "x = {3: 'c', 2: 'b', 1: 'a', 0: 'z', -1: 'y'}",
    # sets: 6 elements, sorted when they compare
    "x = set(range(10))", "x = set()", "x = set([3, 1, 2])", "x = set([True, 2, 0.5])",
    "x = set([(2, 3), (1, 'a')])", "x = set(['b', 'a', 'c'])", "x = set([b'b', b'a'])",
    "x = set([None])", "x = set([float('nan')])",
    # strings: repr of at most 30 characters, else its ends around ...
    "x = 'x' * 50", "x = 'x' * 30", "x = 'x' * 31", "x = 'x' * 28", "x = 'x' * 29",
    "x = \"it's\" * 10", "x = 'say \"hi\" ' * 5", "x = 'both \\' \"' * 8", "x = '\\x00' * 10",
    "x = '\\x00' * 5", "x = 'é' * 40", "x = '\\U0001f600' * 20", "x = 'a\\nb' * 20", "x = ''",
    "x = 'abc' * 10 + \"'\"", "x = '\\t' * 14",
    # ints: at most 40 characters, else its ends around ...
    "x = 100000000000000000000000000000000000000000000000000",
    "x = -100000000000000000000000000000000000000000000000000",
    "x = 1234567890123456789012345678901234567890", "x = -123456789012345678901234567890123456789",
    "x = 12345678901234567890123456789012345678901", "x = 18446744073709551616", "x = -7",
    # other values: repr of at most 30 characters, else its ends around ...
    "x = b'x' * 50", "x = b'\\x00\\xff' * 10", "x = b'x' * 27", "x = b'x' * 28",
    "x = 1.5", "x = 1e300", "x = -1e-300", "x = 0.1 + 0.2", "x = float('nan')", "x = -float('inf')",
    "x = None", "x = True", "x = False", "x = 123456789012345678.0",
    # nesting beyond 6 levels
    "x = [[[[[[[[1]]]]]]]]", "x = [[[[[[[1]]]]]]]", "x = [[[[[[1]]]]]]", "x = ((((((((1,),),),),),),),)",
    "x = [[[[[[[]]]]]]]", "x = [[[[[[()]]]]]]", "x = [[[[[[{}]]]]]]", "x = [[[[[[{1: 2}]]]]]]",
    "x = [[[[[[set([1])]]]]]]", "x = [[[[[[set()]]]]]]", "x = [[[[[[(1,)]]]]]]",
    "x = {'a': {'b': {'c': {'d': {'e': {'f': {'g': 1}}}}}}}",
    "x = [{'a': [{'b': (1, [2, ['x' * 40]])}]}]",
    # containers that hold themselves
    "x = [1]\nx.append(x)", "x = []\nx.append(x)", "x = {'k': 1}\nx['self'] = x",
    "x = [1]\nd = {'l': x}\nx.append(d)",
    # mixed
    "x = [1, 'a' * 40, (2,), {'k': None}, set([1]), b'x' * 40, 1.5, 100000000000000000000000000000000000000000000]",
    "x = ([1, 2, 3, 4, 5, 6, 7], {'a': 1, 'b': 2, 'c': 3, 'd': 4, 'e': 5})",
]
cases = []
for p in programs:
    env = {}
    exec(p, env)
    cases.append([p, reprlib.repr(env["x"])])
json.dump(cases, sys.stdout, indent=0, ensure_ascii=True)
