# a request id in a ContextVar follows each concurrent handler through its awaits and helper coroutines, so interleaved log lines stay correct
import asyncio
import contextvars
request_id = contextvars.ContextVar("request_id", default="-")
def log(msg):
    print("[%s] %s" % (request_id.get(), msg))
async def db_query(q):
    log("query " + q)
    await asyncio.sleep(0)
    return q.upper()
async def handle(rid, q, steps):
    request_id.set(rid)
    log("start")
    for i in range(steps):
        await asyncio.sleep(0)
        log("step %d" % i)
    r = await db_query(q)
    log("done " + r)
    return r
async def main():
    log("main before")
    r = await asyncio.gather(handle("req-1", "a", 2), handle("req-2", "b", 1), handle("req-3", "c", 0))
    log("main after " + "".join(r))
asyncio.run(main())
