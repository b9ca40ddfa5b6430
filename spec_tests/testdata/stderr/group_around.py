# chains around a group: a group raised while handling an error has that error above it ("During handling ..."), and an error raised from a group has the whole boxed group above it ("The above exception was the direct cause ...")
def fail(n):
    raise ValueError(n)
def caught(n):
    try:
        fail(n)
    except ValueError as e:
        return e
def grouped():
    try:
        {}["k"]
    except KeyError:
        raise ExceptionGroup("while handling", [caught(1), caught(2)])
try:
    grouped()
except ExceptionGroup as eg:
    raise RuntimeError("gave up") from eg
