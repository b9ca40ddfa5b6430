# an interpreter error raised inside a handler (a missing key while handling a ValueError) gets the handled exception as __context__
config = {"port": 80}
def load_config():
    try:
        int("eighty")
    except ValueError as e:
        print("handling", type(e).__name__)
        return config["host"]
try:
    load_config()
except KeyError as e:
    print("caught", type(e).__name__, "|" + str(e) + "|")
    print("context:", type(e.__context__).__name__, e.__context__.__class__ == ValueError)
    print("cause:", e.__cause__, "suppress:", e.__suppress_context__)
def divide_in_finally():
    try:
        [][1]
    finally:
        1 // 0
try:
    divide_in_finally()
except ArithmeticError as e:
    print("caught", type(e).__name__, "context:", type(e.__context__).__name__)
