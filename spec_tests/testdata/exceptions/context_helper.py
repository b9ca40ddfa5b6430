# the handled exception is the __context__ of anything raised while the handler runs, also deep in functions it calls
def validate(v):
    if v < 0:
        raise ValueError("negative: %d" % v)
def report(e):
    return check_report(e)
def check_report(e):
    raise RuntimeError("cannot report " + type(e).__name__)
def process():
    try:
        validate(-5)
    except ValueError as e:
        report(e)
try:
    process()
except RuntimeError as e:
    print(str(e), "| context:", type(e.__context__).__name__, str(e.__context__))
def after_handler():
    try:
        raise ValueError("done with it")
    except ValueError:
        pass
    raise RuntimeError("after the handler")
try:
    after_handler()
except RuntimeError as e:
    print(str(e), "| context:", e.__context__)
