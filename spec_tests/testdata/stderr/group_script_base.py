# a BaseExceptionGroup (it holds a BaseException that is not an Exception) prints the same layout with its own name
def main():
    raise BaseExceptionGroup("stopping", [KeyboardInterrupt(), ValueError("also")])
print("before")
main()
