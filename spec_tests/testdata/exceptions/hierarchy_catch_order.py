# handlers are tried in order: a base type listed before its subtype takes the exception, a subtype listed first takes only its own
def first(exc):
    try:
        raise exc
    except LookupError as e:
        return "LookupError first: " + type(e).__name__
    except KeyError:
        return "never: KeyError after LookupError"
    except ConnectionRefusedError as e:
        return "ConnectionRefusedError: " + type(e).__name__
    except OSError as e:
        return "OSError: " + type(e).__name__
    except ConnectionError:
        return "never: ConnectionError after OSError"
for exc in [KeyError("k"), IndexError(1), ConnectionRefusedError(), ConnectionResetError(), BrokenPipeError(),
            TimeoutError(), FileNotFoundError()]:
    print(first(exc))
