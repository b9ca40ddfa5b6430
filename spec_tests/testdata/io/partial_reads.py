# partial reads: read(n) returns what is there; readexactly at the end of
# the stream raises IncompleteReadError with the partial data; a cancelled
# read loses nothing; over a socket whose server closes early, and on a
# StreamReader fed by hand
import asyncio

def text(data):
    return "[" + data.decode().replace("\n", "\\n") + "]"

def show(label, data):
    print(label, text(data), len(data))

async def fed():
    r = asyncio.StreamReader()
    r.feed_data(b"hello world\nsecond")
    show("read(5):", await r.read(5))
    show("read(0):", await r.read(0))
    show("readline:", await r.readline())
    show("readexactly(3):", await r.readexactly(3))
    r.feed_eof()
    show("read(10):", await r.read(10))
    show("read(10) at the end:", await r.read(10))
    print("at_eof:", r.at_eof())
    try:
        await r.readexactly(1)
    except asyncio.IncompleteReadError as e:
        print("IncompleteReadError:", e, "| partial", text(e.partial), "expected", e.expected)

async def waiting():
    r = asyncio.StreamReader()
    t = asyncio.create_task(r.readline())
    await asyncio.sleep(0)
    for piece in [b"wai", b"ted ", b"line\nnext"]:
        r.feed_data(piece)
        await asyncio.sleep(0)
        print("after", text(piece), "done:", t.done())
    show("readline got:", t.result())
    t = asyncio.create_task(r.readexactly(8))
    await asyncio.sleep(0)
    r.feed_data(b"12")
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("readexactly cancelled")
    r.feed_data(b"345")
    show("after the cancel:", await r.readexactly(8))
    try:
        r.feed_eof()
        r.feed_data(b"x")
    except AssertionError as e:
        print("feed after eof:", e)

async def socket_reads():
    async def handle(reader, writer):
        writer.write(b"0123456789")
        await writer.drain()
        writer.close()
    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    reader, writer = await asyncio.open_connection("127.0.0.1", server.sockets[0].getsockname()[1])
    show("readexactly(4):", await reader.readexactly(4))
    try:
        await reader.readexactly(10)
    except asyncio.IncompleteReadError as e:
        print("IncompleteReadError:", e, "| partial", text(e.partial), "expected", e.expected,
              "| EOFError:", isinstance(e, EOFError))
    show("read() at the end:", await reader.read())
    writer.close()
    await writer.wait_closed()
    server.close()
    await server.wait_closed()

asyncio.run(fed())
asyncio.run(waiting())
asyncio.run(socket_reads())
