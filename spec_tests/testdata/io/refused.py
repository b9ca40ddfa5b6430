# connecting to a port nobody listens on (one just closed) raises
# ConnectionRefusedError with errno 111 (with ssl=True too); serve_forever until cancelled,
# start_serving=False, and a second serve_forever
import asyncio

async def echo(reader, writer):
    writer.write(await reader.readline())
    await writer.drain()
    writer.close()

async def main():
    server = await asyncio.start_server(echo, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    server.close()
    await server.wait_closed()
    try:
        await asyncio.open_connection("127.0.0.1", port)
    except ConnectionRefusedError as e:
        print(type(e).__name__, "errno", e.errno, "|", str(e).replace(str(port), "PORT"))
        print("a ConnectionError:", isinstance(e, ConnectionError), "an OSError:", isinstance(e, OSError))
    try:
        await asyncio.open_connection("127.0.0.1", port, ssl=True)
    except ConnectionRefusedError as e:
        print("with ssl=True too:", type(e).__name__, e.errno)

    server = await asyncio.start_server(echo, "127.0.0.1", 0, start_serving=False)
    port = server.sockets[0].getsockname()[1]
    print("serving before start_serving:", server.is_serving())
    forever = asyncio.create_task(server.serve_forever())
    await asyncio.sleep(0)
    print("serving in serve_forever:", server.is_serving())
    try:
        await server.serve_forever()
    except RuntimeError as e:
        print("second serve_forever: RuntimeError:", "is already being awaited on serve_forever()" in str(e))
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    writer.write(b"ping\n")
    print("reply:", (await reader.readline()).decode().strip())
    writer.close()
    await writer.wait_closed()
    forever.cancel()
    try:
        await forever
    except asyncio.CancelledError:
        print("serve_forever cancelled; serving:", server.is_serving(), "sockets:", len(server.sockets))
    try:
        await server.serve_forever()
    except RuntimeError as e:
        print("serve_forever after close: RuntimeError:", str(e).endswith("is closed"))

asyncio.run(main())
