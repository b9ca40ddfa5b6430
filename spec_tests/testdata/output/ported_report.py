# a ported program as people write it: workers fetch with retries, collect results and errors in dicts and lists, and print a report with format specs and reprs
import asyncio

TransientError = type("TransientError", (ConnectionError,), {})

LATENCY = {"alpha": 0.03, "beta": 0.01, "gamma": 0.05, "delta": 0.02, "epsilon": 0.04}
FAILS = {"beta": 2, "delta": 9}

async def fetch(name, attempt):
    await asyncio.sleep(LATENCY[name])
    if attempt < FAILS.get(name, 0):
        raise TransientError(name + " reset", attempt)
    return {"name": name, "bytes": len(name) * 1234, "ms": LATENCY[name] * 1000}

async def with_retries(name, tries):
    errors = []
    for attempt in range(tries):
        try:
            return await fetch(name, attempt), errors
        except TransientError as e:
            errors.append(e)
    raise RuntimeError("gave up on " + name, errors)

async def main():
    names = sorted(LATENCY)
    print("fetching", names)
    results = await asyncio.gather(*[with_retries(n, 3) for n in names], return_exceptions=True)
    ok, failed = {}, []
    for name, r in zip(names, results):
        if isinstance(r, BaseException):
            failed.append(r)
        else:
            ok[name] = r
    total = 0
    for name in ok:
        page, errors = ok[name]
        total += page["bytes"]
        print(format(name, "<8"), format(page["bytes"], ">7,"), format(page["ms"], "6.1f") + "ms", "retries:", errors)
    print("total:", format(total, ","), "bytes;", format(len(ok) / len(names), ".0%"), "ok")
    print("failed:", failed)
    for e in failed:
        print(" ", repr(e.args[0]), "after", [str(x) for x in e.args[1]])
    print("summary:", {"ok": sorted(ok), "failed": len(failed), "mean_ms": round(sum([p["ms"] for p, _ in ok.values()]) / len(ok), 2)})

asyncio.run(main())
