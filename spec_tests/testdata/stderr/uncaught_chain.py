# an uncaught exception prints its chain, oldest first: the cause with "The above exception was the direct cause ...", the context with "During handling of the above exception ..."
def read_config():
    return {}["config"]
def start():
    try:
        read_config()
    except KeyError as e:
        raise RuntimeError("cannot start") from e
def main():
    try:
        start()
    except RuntimeError:
        raise ValueError("main failed")
main()
