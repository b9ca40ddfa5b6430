# an exception raised in finally gets the one in flight as __context__; after a handled exception or none it has no context
def body_raises():
    try:
        raise ValueError("from body")
    finally:
        raise RuntimeError("from finally")
def handled_then_finally():
    try:
        raise ValueError("handled")
    except ValueError:
        pass
    finally:
        raise RuntimeError("finally after handled")
def clean_then_finally():
    try:
        pass
    finally:
        raise RuntimeError("finally after success")
def handler_raises_then_finally():
    try:
        raise ValueError("first")
    except ValueError:
        raise TypeError("from handler")
    finally:
        raise RuntimeError("finally after handler")
for f in [body_raises, handled_then_finally, clean_then_finally, handler_raises_then_finally]:
    try:
        f()
    except RuntimeError as e:
        links = []
        c = e.__context__
        while c is not None:
            links.append(type(c).__name__ + ": " + str(c))
            c = c.__context__
        print(str(e), "| context chain:", " <- ".join(links) if links else "None")
