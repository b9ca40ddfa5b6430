# W2: two tasks hand control back and forth through futures, 200,000 round
# trips. Each trip, ping creates a reply future and the next request future
# and completes the current request with (i, reply, next); pong, which awaits
# the request, answers by completing reply with i + 1; ping awaits the reply.
# Prints a check line; bench/run.sh measures the wall time.
import asyncio

N_TRIPS = 200000

async def ping(loop, req, n):
    acc = 0
    for i in range(n):
        reply = loop.create_future()
        nxt = loop.create_future()
        req.set_result((i, reply, nxt))
        acc += await reply
        req = nxt
    req.set_result(None)
    return acc

async def pong(req):
    trips = 0
    while True:
        msg = await req
        if msg == None:
            return trips
        i, reply, req = msg
        reply.set_result(i + 1)
        trips += 1

def start(loop):
    # As in w2.star: the first request is made here, so that main does not
    # hold the head of the chain of requests for the whole run.
    req = loop.create_future()
    return asyncio.gather(ping(loop, req, N_TRIPS), pong(req))

async def main():
    return await start(asyncio.get_running_loop())

acc, trips = asyncio.run(main())
print("W2 trips=%d sum=%d" % (trips, acc))
