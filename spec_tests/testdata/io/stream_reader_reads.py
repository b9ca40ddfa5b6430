# A StreamReader fed a chunk per turn of the loop: read, readline,
# readuntil and readexactly, and against a limit of 4: LimitOverrunError
# leaves the data, readline's ValueError drops it, readuntil at the end
# raises IncompleteReadError.
import asyncio
def fed(limit, chunks):
    loop = asyncio.get_running_loop()
    r = asyncio.StreamReader(limit=limit)
    def feed(i):
        if i == len(chunks):
            r.feed_eof()
            return
        r.feed_data(chunks[i])
        loop.call_soon(feed, i + 1)
    loop.call_soon(feed, 0)
    return r
async def read(aw):
    try:
        print(await aw)
    except Exception as e:
        print(type(e).__name__ + ":", e)
async def main():
    r = fed(65536, [b"hel", b"lo\nwor", b"ld\nend"])
    await read(r.readline())
    await read(r.read(2))
    await read(r.readuntil(b"\n"))
    await read(r.readexactly(0))
    await read(r.readexactly(5))
    await read(r.read(-1))
    await read(r.readline())
    print("at_eof:", r.at_eof())
    r = fed(4, [b"abcdefgh", b"ij\nxy", b"\nlong line\nz"])
    await read(r.readuntil(b"\n"))
    await read(r.readexactly(3))
    await read(r.readuntil(b"!"))
    await read(r.readline())
    await read(r.readline())
    await read(r.readline())
    await read(r.readline())
    await read(r.readuntil(b"!"))
    await read(r.readuntil(b""))
    await read(r.readexactly(-1))
asyncio.run(main())
