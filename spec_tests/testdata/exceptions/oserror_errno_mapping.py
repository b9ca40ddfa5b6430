# OSError(errno, strerror) called on OSError itself makes the subclass for that errno (Linux numbers), as CPython does
for n, text in [(2, "No such file or directory"), (13, "Permission denied"), (17, "File exists"), (21, "Is a directory"),
                (32, "Broken pipe"), (103, "Software caused connection abort"), (104, "Connection reset by peer"),
                (110, "Connection timed out"), (111, "Connection refused"), (5, "Input/output error")]:
    e = OSError(n, text)
    print(n, type(e).__name__, "|" + str(e) + "|", isinstance(e, OSError), e.__class__ == OSError)
print(type(OSError(2)).__name__, type(OSError("2", "x")).__name__, type(ConnectionError(2, "x")).__name__)
