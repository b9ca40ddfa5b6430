# readuntil and readline against the limit: LimitOverrunError leaves the
# data in the buffer (consumed says how much to skip); readline raises
# ValueError and drops the long line; readuntil at the end raises
# IncompleteReadError with expected None
import asyncio

async def fed():
    r = asyncio.StreamReader(limit=8)
    r.feed_data(b"0123456789abc;rest\nx" + b"y" * 20 + b"\nshort\nend;")
    try:
        await r.readuntil(b";")
    except asyncio.LimitOverrunError as e:
        print("LimitOverrunError:", e, "| consumed", e.consumed)
    print("still there:", (await r.readexactly(14)).decode())
    print("readuntil:", (await r.readuntil(b"\n")).decode().strip())
    try:
        await r.readline()
    except ValueError as e:
        print("readline ValueError:", e)
    print("next line:", (await r.readline()).decode().strip())
    try:
        await r.readuntil(b"")
    except ValueError as e:
        print("ValueError:", e)
    print("multi-byte separator:", (await r.readuntil(b"d;")).decode())
    r.feed_data(b"tail-")
    r.feed_eof()
    try:
        await r.readuntil(b"--")
    except asyncio.IncompleteReadError as e:
        print("IncompleteReadError:", e, "| partial", e.partial.decode(), "expected", e.expected)
    print("at_eof:", r.at_eof())

async def over_socket():
    done = asyncio.Event()
    async def handle(reader, writer):
        writer.write(b"x" * 100)
        await writer.drain()
        await reader.readline()
        writer.close()
        await writer.wait_closed()
        done.set()
    server = await asyncio.start_server(handle, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    reader, writer = await asyncio.open_connection("127.0.0.1", port, limit=16)
    try:
        await reader.readuntil(b"!")
    except asyncio.LimitOverrunError as e:
        print("socket LimitOverrunError:", e, "| consumed > limit:", e.consumed > 16)
    print("the data stayed:", len(await reader.readexactly(100)))
    writer.write(b"done\n")
    print("then the end:", await reader.read() == b"")
    writer.close()
    await writer.wait_closed()
    await done.wait()
    server.close()

asyncio.run(fed())
asyncio.run(over_socket())
