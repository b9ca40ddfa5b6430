# OSError(errno, strerror) has .errno and .strerror and prints "[Errno 111] Connection refused"; with one argument both are None
e = OSError(111, "Connection refused")
print(str(e))
print(e.errno, e.strerror, len(e.args), e.args[0], e.args[1], isinstance(e, OSError))
for e in [OSError("just a message"), OSError(), OSError(5)]:
    print("|" + str(e) + "|", e.errno, e.strerror, len(e.args))
try:
    raise OSError(104, "Connection reset by peer")
except OSError as e:
    print("caught:", str(e), "errno", e.errno, "strerror", e.strerror)
print(repr(OSError("plain")))
