# a bare raise with no exception being handled is a RuntimeError "No active exception to reraise" (also right after a handler ended)
try:
    raise
except RuntimeError as e:
    print(type(e).__name__, "|" + str(e) + "|", e.__context__)
def after():
    try:
        raise ValueError("over")
    except ValueError:
        pass
    raise
try:
    after()
except RuntimeError as e:
    print("after a handler:", type(e).__name__, "|" + str(e) + "|", e.__context__)
