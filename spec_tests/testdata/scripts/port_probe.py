# port_probe: check which TCP ports of a host accept connections, a few at a
# time, with a timeout each.
import asyncio
import sys

HOST = "127.0.0.1"
LIMIT = 2
TIMEOUT = 0.5

def pad(s, n):
    return s + " " * (n - len(s))

async def probe(sem, port):
    async with sem:
        try:
            reader, writer = await asyncio.wait_for(asyncio.open_connection(HOST, port), TIMEOUT)
            writer.close()
            await writer.wait_closed()
            return "open"
        except ConnectionRefusedError as e:
            return "closed (connection refused, errno %d)" % e.errno
        except TimeoutError as e:
            return "filtered (no answer within %s s)" % TIMEOUT
        except OSError as e:
            return "error: %s" % e

def hang_up(reader, writer):
    writer.close()

async def services():
    web = await asyncio.start_server(hang_up, HOST, 0)
    db = await asyncio.start_server(hang_up, HOST, 0)
    ports = [("web (listening)", web.sockets[0].getsockname()[1]), ("db (stopped)", db.sockets[0].getsockname()[1])]
    db.close()
    await db.wait_closed()
    return web, ports

async def main():
    web = None
    if len(sys.argv) > 1:
        ports = [(p, int(p)) for p in sys.argv[1:]]
    else:
        web, ports = await services()
    print("probing %d ports of %s, at most %d at once, %s s each" % (len(ports), HOST, LIMIT, TIMEOUT))
    sem = asyncio.Semaphore(LIMIT)
    states = await asyncio.gather(*[probe(sem, port) for _, port in ports])
    for (name, _), state in zip(ports, states):
        print(pad(str(name), 18), state)
    n = len([s for s in states if s == "open"])
    print("%d open, %d not" % (n, len(states) - n))
    if web is not None:
        web.close()
        await web.wait_closed()

asyncio.run(main())
