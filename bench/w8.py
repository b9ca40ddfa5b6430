# W8: 10,000 echo round trips over 100 concurrent localhost connections: an
# echo server on 127.0.0.1 and 100 clients, each sending 100 lines and
# reading each echo before the next. Prints a check line; bench/run.sh
# measures the wall time.
import asyncio

N_CONNS = 100
N_TRIPS = 100

async def echo(reader, writer):
    while line := await reader.readline():
        writer.write(line)
        await writer.drain()
    writer.close()

async def client(port, i):
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    ok = 0
    for j in range(N_TRIPS):
        msg = b"client %d trip %d\n" % (i, j)
        writer.write(msg)
        await writer.drain()
        if await reader.readline() == msg:
            ok += 1
    writer.close()
    await writer.wait_closed()
    return ok

async def main():
    server = await asyncio.start_server(echo, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    oks = await asyncio.gather(*[client(port, i) for i in range(N_CONNS)])
    server.close()
    await server.wait_closed()
    return sum(oks)

print("W8 connections=%d round_trips=%d ok=%d" % (N_CONNS, N_CONNS * N_TRIPS, asyncio.run(main())))
