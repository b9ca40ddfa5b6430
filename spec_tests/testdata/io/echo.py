# echo server and client on 127.0.0.1, port 0: lines go back and forth; the
# client half-closes, the server sees the end and closes; peer and socket
# names are tuples; server states before and after close. The server's
# events are printed at the end: its prints and the client's would
# interleave by timing.
import asyncio

async def handle(reader, writer, log, done):
    peer = writer.get_extra_info("peername")
    log.append("server: client from %s %s" % (peer[0], type(peer[1]).__name__))
    while True:
        line = await reader.readline()
        if not line:
            break
        log.append("server got " + line.decode().rstrip())
        writer.write(line.upper())
        await writer.drain()
    log.append("server: end of stream, at_eof %s" % reader.at_eof())
    writer.close()
    await writer.wait_closed()
    log.append("server: closed")
    done.set()

async def main():
    log, done = [], asyncio.Event()
    server = await asyncio.start_server(lambda r, w: handle(r, w, log, done), "127.0.0.1", 0)
    host, port = server.sockets[0].getsockname()
    print("listening on", host, port > 0, "serving", server.is_serving())
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    for word in ["hello", "asyncio", "streams"]:
        writer.write((word + "\n").encode())
        await writer.drain()
        reply = await reader.readline()
        print("client got", reply.decode().rstrip())
    print("client: sockname host", writer.get_extra_info("sockname")[0])
    print("client: peername is the server's", writer.get_extra_info("peername") == ("127.0.0.1", port))
    print("client: unknown extra info", writer.get_extra_info("nothing", "default"))
    print("client: can_write_eof", writer.can_write_eof())
    writer.write_eof()
    rest = await reader.read()
    print("client: rest", len(rest), "at_eof", reader.at_eof())
    writer.close()
    print("client: is_closing", writer.is_closing())
    await writer.wait_closed()
    await done.wait()
    for line in log:
        print(line)
    server.close()
    await server.wait_closed()
    print("server sockets after close:", len(server.sockets), "serving", server.is_serving())

asyncio.run(main())
