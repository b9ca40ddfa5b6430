# the OSError subclasses made with (errno, strerror): str, .errno, .strerror, and which of OSError/ConnectionError catches them
made = [FileNotFoundError(2, "No such file"), ConnectionRefusedError(111, "Connection refused"),
        ConnectionResetError(104, "Connection reset by peer"), ConnectionAbortedError(103, "Software caused connection abort"),
        BrokenPipeError(32, "Broken pipe"), PermissionError(13, "Permission denied"), FileExistsError(17, "File exists"),
        IsADirectoryError(21, "Is a directory"), TimeoutError(110, "Connection timed out")]
for e in made:
    try:
        raise e
    except ConnectionError as c:
        where = "ConnectionError"
    except OSError as o:
        where = "OSError"
    print(type(e).__name__, "|" + str(e) + "|", e.errno, e.strerror, where)
e = FileNotFoundError("config.star")
print(type(e).__name__, "|" + str(e) + "|", e.errno, e.strerror)
