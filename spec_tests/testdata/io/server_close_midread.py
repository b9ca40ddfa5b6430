# a server that closes while the client waits in readline: the client's
# read returns b"" (the end), readexactly raises IncompleteReadError, the
# sending half stays open; a handler that raises is reported to the loop's
# exception handler and its connection closed
import asyncio

async def main():
    loop = asyncio.get_running_loop()
    reports = []
    loop.set_exception_handler(lambda loop, ctx: reports.append((ctx["message"], type(ctx["exception"]).__name__, str(ctx["exception"]))))

    async def closing(reader, writer):
        await reader.readline()
        writer.close()
        await writer.wait_closed()
    server = await asyncio.start_server(closing, "127.0.0.1", 0)
    reader, writer = await asyncio.open_connection("127.0.0.1", server.sockets[0].getsockname()[1])
    pending = asyncio.create_task(reader.readline())
    await asyncio.sleep(0)
    print("waiting in readline:", not pending.done())
    writer.write(b"bye\n")
    print("readline at the close is the end:", await pending == b"")
    print("at_eof:", reader.at_eof(), "| writer closing:", writer.is_closing())
    try:
        await reader.readexactly(5)
    except asyncio.IncompleteReadError as e:
        print("readexactly:", e)
    writer.close()
    await writer.wait_closed()
    server.close()
    await server.wait_closed()

    async def failing(reader, writer):
        line = await reader.readline()
        raise ValueError("bad request: " + line.decode().strip())
    server = await asyncio.start_server(failing, "127.0.0.1", 0)
    reader, writer = await asyncio.open_connection("127.0.0.1", server.sockets[0].getsockname()[1])
    writer.write(b"GET /\n")
    print("client sees the end:", await reader.read() == b"")
    writer.close()
    await writer.wait_closed()
    server.close()
    await server.wait_closed()
    for message, typ, text in reports:
        print("report:", message, "|", typ, "|", text)

asyncio.run(main())
