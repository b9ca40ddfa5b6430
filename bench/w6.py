# W6: 4 producers and 4 consumers pass 1,000,000 items through one
# asyncio.Queue(maxsize=100); a None per consumer ends it. Prints a check
# line (items, sum, and a checksum that depends on who consumed what only
# through the totals); bench/run.sh measures the wall time.
import asyncio

N_ITEMS = 1000000
N_PRODUCERS = 4
N_CONSUMERS = 4
MAXSIZE = 100

async def producer(q, first):
    for i in range(first, N_ITEMS, N_PRODUCERS):
        await q.put(i)

async def consumer(q):
    n = 0
    total = 0
    check = 0
    while True:
        item = await q.get()
        if item is None:
            return n, total, check
        n += 1
        total += item
        check = (check + item * item) % 1000000007

async def main():
    q = asyncio.Queue(maxsize=MAXSIZE)
    consumers = [asyncio.create_task(consumer(q)) for _ in range(N_CONSUMERS)]
    await asyncio.gather(*[producer(q, p) for p in range(N_PRODUCERS)])
    for _ in range(N_CONSUMERS):
        await q.put(None)
    n = 0
    total = 0
    check = 0
    for cn, ct, cc in await asyncio.gather(*consumers):
        n += cn
        total += ct
        check = (check + cc) % 1000000007
    return n, total, check

print("W6 items=%d sum=%d check=%d" % asyncio.run(main()))
