# try/except/else/finally ordering and values: else only without an exception, finally last, else's exception not caught by its own handlers
import asyncio
def run(label, fail, else_fails=False):
    print("--", label)
    try:
        print("body")
        if fail:
            raise ValueError(label)
        result = "body value"
    except ValueError as e:
        print("handler", str(e))
        result = "handler value"
    else:
        print("else")
        if else_fails:
            raise ValueError("from else")
        result = "else value"
    finally:
        print("finally")
    return result
print(run("no error", False))
print(run("error", True))
try:
    run("else raises", False, True)
except ValueError as e:
    print("outer caught", str(e))
def body_only():
    try:
        return "just body"
    finally:
        print("finally with no handlers")
print(body_only())
def else_none():
    try:
        pass
    except Exception:
        pass
    else:
        print("else returns None")
        return None
print(else_none())
