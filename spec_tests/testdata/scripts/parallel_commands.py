# needs: sh sleep printf false
# parallel_commands: run shell commands, at most LIMIT at once, each with a
# timeout, and print a summary table.
import asyncio

PIPE = asyncio.subprocess.PIPE
COMMANDS = [
    "echo hello",
    "printf 'two\\nlines\\n'",
    "sleep 0.2; echo slept a little",
    "false",
    "exec sleep 30",
    "echo to stderr >&2; exit 3",
    "echo partial output; exit 2",
    "echo done",
]
LIMIT = 3
TIMEOUT = 1.0

def pad(s, n):
    return s + " " * (n - len(s))

async def run(sem, cmd, running):
    async with sem:
        running[0] += 1
        running[1] = max(running[1], running[0])
        p = await asyncio.create_subprocess_shell(cmd, stdout=PIPE, stderr=PIPE)
        try:
            out, err = await asyncio.wait_for(p.communicate(), TIMEOUT)
            status = "ok" if p.returncode == 0 else "exit %d" % p.returncode
            lines = (out.decode() or err.decode()).splitlines()
            result = status, lines[0] if lines else ""
        except TimeoutError:
            p.kill()
            result = "timeout", "killed after %s s (returncode %d)" % (TIMEOUT, await p.wait())
        running[0] -= 1
        return result

async def main():
    sem = asyncio.Semaphore(LIMIT)
    running = [0, 0]              # running now, most at once
    results = await asyncio.gather(*[run(sem, c, running) for c in COMMANDS])
    print(pad("#", 3), pad("command", 32), pad("status", 8), "first line of output")
    counts = {}
    for i, (cmd, (status, line)) in enumerate(zip(COMMANDS, results)):
        print(pad(str(i + 1), 3), pad(cmd, 32), pad(status, 8), line)
        kind = "ok" if status == "ok" else ("timed out" if status == "timeout" else "failed")
        counts[kind] = counts.get(kind, 0) + 1
    print("%d commands, at most %d at once: %d ok, %d failed, %d timed out" % (
        len(COMMANDS), running[1], counts.get("ok", 0), counts.get("failed", 0), counts.get("timed out", 0)))

asyncio.run(main())
