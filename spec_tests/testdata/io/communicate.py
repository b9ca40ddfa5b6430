# needs: cat sh printf
# communicate(input) through cat; stdout and stderr piped apart or
# together (STDOUT); DEVNULL gives None; 1 MiB through a pipe both ways;
# reading stdout line by line; cwd= and env=
import asyncio
from asyncio.subprocess import PIPE, STDOUT, DEVNULL

async def main():
    p = await asyncio.create_subprocess_exec("cat", stdin=PIPE, stdout=PIPE)
    out, err = await p.communicate(b"hello\nworld\n")
    print("cat:", "|".join(out.decode().split()), "stderr:", err, "returncode:", p.returncode)

    p = await asyncio.create_subprocess_shell("printf out; printf err >&2; exit 2", stdout=PIPE, stderr=PIPE)
    out, err = await p.communicate()
    print("apart:", out.decode(), err.decode(), p.returncode)

    p = await asyncio.create_subprocess_shell("echo one; echo two >&2; echo three", stdout=PIPE, stderr=STDOUT)
    out, err = await p.communicate()
    print("together:", "|".join(out.decode().split()), err)

    p = await asyncio.create_subprocess_shell("echo hidden", stdout=DEVNULL)
    print("devnull:", await p.communicate(), p.returncode)

    data = b"0123456789abcdef" * 65536
    p = await asyncio.create_subprocess_exec("cat", stdin=PIPE, stdout=PIPE)
    out, _ = await p.communicate(data)
    print("1 MiB through cat:", len(out), out == data)

    p = await asyncio.create_subprocess_shell("for i in 1 2 3; do echo line $i; done", stdout=PIPE)
    lines = []
    while line := await p.stdout.readline():
        lines.append(line.decode().strip())
    print("line by line:", "|".join(lines), "then wait:", await p.wait())

    p = await asyncio.create_subprocess_exec("sh", "-c", "echo $GREETING from $(pwd)", stdout=PIPE, cwd="/", env={"GREETING": "hi"})
    out, _ = await p.communicate()
    print("cwd and env:", out.decode().strip())

    p = await asyncio.create_subprocess_exec("cat", stdin=PIPE, stdout=PIPE)
    p.stdin.write(b"written ")
    p.stdin.writelines([b"by ", b"hand\n"])
    await p.stdin.drain()
    p.stdin.close()
    await p.stdin.wait_closed()
    print("stdin by hand:", (await p.stdout.read()).decode().strip(), await p.wait())

asyncio.run(main())
