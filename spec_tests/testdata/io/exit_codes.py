# needs: true false sh sleep
# returncode: 0, 1, the shell's exit status, minus the signal for kill,
# terminate and send_signal; None while the process runs; pid; a missing
# program is FileNotFoundError; signals after wait are ProcessLookupError
import asyncio

async def run(*args):
    p = await asyncio.create_subprocess_exec(*args)
    return await p.wait()

async def main():
    print("true:", await run("true"), "false:", await run("false"), "exit 7:", await run("sh", "-c", "exit 7"))
    p = await asyncio.create_subprocess_exec("sleep", "30")
    print("pid is an int:", type(p.pid).__name__, p.pid > 0, "| returncode while running:", p.returncode)
    p.kill()
    print("kill:", await p.wait(), p.returncode)
    p = await asyncio.create_subprocess_exec("sleep", "30")
    p.terminate()
    print("terminate:", await p.wait())
    p = await asyncio.create_subprocess_exec("sleep", "30")
    p.send_signal(2)
    print("send_signal(2):", await p.wait())
    print("wait again:", await p.wait())
    try:
        p.kill()
    except ProcessLookupError as e:
        print("kill after wait:", type(e).__name__, "an OSError:", isinstance(e, OSError))
    try:
        await asyncio.create_subprocess_exec("no-such-program-asyncrun")
    except FileNotFoundError as e:
        print(type(e).__name__, e.errno, e)
    p = await asyncio.create_subprocess_shell("exit 3")
    print("shell exit 3:", await p.wait())

asyncio.run(main())
