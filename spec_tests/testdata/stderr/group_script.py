# an ExceptionGroup the script raises: its traceback, then each sub-exception (raised and caught first, so with a traceback; or made and never raised, without one)
def fail(n):
    raise ValueError(f"failure {n}")
def caught(n):
    try:
        fail(n)
    except ValueError as e:
        return e
def main():
    raise ExceptionGroup("script errors", [caught(1), TypeError("never raised"), caught(2)])
main()
