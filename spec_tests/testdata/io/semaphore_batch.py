# needs: sh sleep
# a batch of 8 shell commands, at most 3 at once (a Semaphore), each with a
# timeout: results in submission order, one command timed out and killed
import asyncio

async def run(sem, state, i, cmd):
    async with sem:
        state["running"] += 1
        state["peak"] = max(state["peak"], state["running"])
        p = await asyncio.create_subprocess_shell(cmd, stdout=asyncio.subprocess.PIPE)
        try:
            out, _ = await asyncio.wait_for(p.communicate(), 2)
            result = "job %d: rc=%d out=%s" % (i, p.returncode, out.decode().strip())
        except TimeoutError:
            p.kill()
            result = "job %d: timed out, killed rc=%d" % (i, await p.wait())
        state["running"] -= 1
        return result

async def main():
    sem = asyncio.Semaphore(3)
    state = {"running": 0, "peak": 0}
    cmds = ["sleep 0.05; echo job %d" % i for i in range(8)]
    cmds[5] = "exec sleep 30"
    cmds[6] = "echo failing; exit 4"
    results = await asyncio.gather(*[run(sem, state, i, c) for i, c in enumerate(cmds)])
    for r in results:
        print(r)
    print("at most", state["peak"], "at once; running at the end:", state["running"])

asyncio.run(main())
