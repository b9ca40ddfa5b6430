# a task cancelled inside gather(return_exceptions=True) is CancelledError('') in the results' repr, as 3.11 prints it; task and future reprs with results and exceptions
import asyncio
async def work(name, d, fail=None):
    await asyncio.sleep(d)
    if fail:
        raise fail
    return {"name": name, "tags": [name, "x"]}
async def main():
    victim = asyncio.ensure_future(work("victim", 1), )
    asyncio.get_running_loop().call_later(0.01, victim.cancel)
    results = await asyncio.gather(work("a", 0.02), work("b", 0.01, ValueError("boom")), victim, return_exceptions=True)
    print(results)
    print([repr(r) for r in results])
    f = asyncio.get_running_loop().create_future()
    f.set_result(["ok", 1.5])
    print(f.result(), repr(f.result()), repr(f))
    g = asyncio.get_running_loop().create_future()
    g.set_exception(KeyError("missing"))
    print(repr(g.exception()), str(g.exception()), g.exception().args, repr(g))
    print({"errors": [ValueError("a"), KeyError("b")], "count": 2})
asyncio.run(main())
