# open(): read a text file whole, by lines and by characters; write and
# append a file, then read it back as text and as bytes; with closes; the
# errors of a missing file and of a closed one. Paths are beside the
# program (sys.argv[0]), whatever the working folder.
import asyncio
import sys

folder, _, me = sys.argv[0].rpartition("/")

def path(name):
    return folder + "/" + name if folder else name

async def main():
    with open(path("files.txt")) as f:
        print("lines:", "|".join([line.rstrip("\n") for line in f]))
    f = open(path("files.txt"))
    print("read(5):", f.read(5), "| readline:", f.readline().strip(), "| closed:", f.closed)
    rest = f.readlines()
    f.close()
    print("readlines:", len(rest), "| closed:", f.closed)
    out = path(me + ".tmp")
    with open(out, "w") as f:
        print("wrote", f.write("héllo\n"), "characters")
    with open(out, "a") as f:
        f.write("appended\n")
    with open(out) as f:
        print("text:", "|".join(f.read().split()))
    with open(out, "rb") as f:
        data = f.read()
        print("bytes:", len(data), type(data).__name__, data[:1].decode())
    with open(out, "wb") as f:
        print("wrote", f.write(b"\x00\x01\x02"), "bytes")
    with open(out, "rb") as f:
        print("read back:", list(f.read()))
    try:
        open(path("no-such-file.txt"))
    except FileNotFoundError as e:
        print(type(e).__name__, e.errno, e.strerror)
    try:
        f.read()
    except ValueError as e:
        print("closed file:", e)

asyncio.run(main())
