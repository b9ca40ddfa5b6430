# 50 clients at once against one echo server: each sends 20 lines and
# checks every reply; the server counts connections and lines
import asyncio

async def handle(reader, writer, stats):
    stats["connections"] += 1
    while line := await reader.readline():
        stats["lines"] += 1
        writer.write(line)
        await writer.drain()
    writer.close()
    await writer.wait_closed()
    stats["closed"] += 1

async def client(port, i):
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    ok = 0
    for j in range(20):
        msg = "client %d line %d\n" % (i, j)
        writer.write(msg.encode())
        await writer.drain()
        if (await reader.readline()).decode() == msg:
            ok += 1
    writer.close()
    await writer.wait_closed()
    return ok

async def main():
    stats = {"connections": 0, "lines": 0, "closed": 0}
    server = await asyncio.start_server(lambda r, w: handle(r, w, stats), "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    async with server:
        results = await asyncio.gather(*[client(port, i) for i in range(50)])
        while stats["closed"] < 50:
            await asyncio.sleep(0.01)
    print("replies checked per client:", sorted(set(results)), "clients:", len(results))
    print("server:", stats["connections"], "connections,", stats["lines"], "lines,", stats["closed"], "closed")
    print("serving after async with:", server.is_serving())

asyncio.run(main())
