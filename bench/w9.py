# W9: 500 `true` subprocesses, at most 16 at once (a Semaphore), each
# awaited. Prints a check line; bench/run.sh measures the wall time.
import asyncio

N_PROCS = 500
LIMIT = 16

async def run(sem):
    async with sem:
        p = await asyncio.create_subprocess_exec("true")
        return await p.wait()

async def main():
    sem = asyncio.Semaphore(LIMIT)
    codes = await asyncio.gather(*[run(sem) for _ in range(N_PROCS)])
    return len([c for c in codes if c != 0])

print("W9 processes=%d limit=%d failed=%d" % (N_PROCS, LIMIT, asyncio.run(main())))
