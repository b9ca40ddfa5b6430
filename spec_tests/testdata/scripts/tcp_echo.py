# tcp_echo: the asyncio docs' TCP echo server and client (Streams page), in
# one script: the server listens on a free port of 127.0.0.1, the client
# sends a message and prints the echo.
import asyncio

async def handle_echo(reader, writer):
    data = await reader.read(100)
    message = data.decode()
    addr = writer.get_extra_info("peername")
    print("Received '%s' from %s" % (message, addr[0]))
    print("Send: '%s'" % message)
    writer.write(data)
    await writer.drain()
    print("Close the connection")
    writer.close()
    await writer.wait_closed()

async def tcp_echo_client(message, port):
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    print("Send: '%s'" % message)
    writer.write(message.encode())
    await writer.drain()
    data = await reader.read(100)
    print("Received: '%s'" % data.decode())
    print("Close the connection")
    writer.close()
    await writer.wait_closed()

async def main():
    server = await asyncio.start_server(handle_echo, "127.0.0.1", 0)
    host, port = server.sockets[0].getsockname()
    print("Serving on %s" % host)
    async with server:
        await tcp_echo_client("Hello World!", port)

asyncio.run(main())
