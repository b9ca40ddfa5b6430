# an uncaught exception ends the program with a traceback on stderr: its last line is the exception's type and message
def parse(text):
    return int(text)
def main():
    print("parsing")
    parse("twelve")
    print("not reached")
main()
