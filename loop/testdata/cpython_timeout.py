# The CPython twin of loop/timeouts_test.go: each scenario prints one line,
# "name: event; event; ...", which the Go test of the same name compares
# with its own log. The loop runs on a virtual clock (see virtual_loop.py),
# as the Go tests' loops do.
import sys
sys.dont_write_bytecode = True
import asyncio
import math
from virtual_loop import py, run_scenarios, sleeper


def cancelling():
    return asyncio.current_task().cancelling()


def now():
    return asyncio.get_running_loop().time()


def reschedule(tm, when):
    """What tm.reschedule(when) raises, or None."""
    try:
        tm.reschedule(when)
    except RuntimeError as e:
        return str(e)
    return "None"


async def expires(g):
    tm = asyncio.timeout(1)
    g.add(repr(tm))
    try:
        async with tm:
            g.add(f"{tm!r} expired={py(tm.expired())}")
            await sleeper(g, "body", 10)
        exit = None
    except BaseException as e:
        exit = e
    g.add(f"exit at {g.now()}: {exit!r} expired={py(tm.expired())} {tm!r} cancelling={cancelling()}")


async def body_catches_cancellation(g):
    tm = asyncio.timeout(1)
    try:
        async with tm:
            try:
                await asyncio.sleep(10)
            except asyncio.CancelledError:
                g.add(f"caught at {g.now()} {tm!r} expired={py(tm.expired())} cancelling={cancelling()}")
                g.add(reschedule(tm, None))
            await asyncio.sleep(0.5)
        exit = None
    except BaseException as e:
        exit = e
    g.add(f"exit at {g.now()} {exit!r} {tm!r} cancelling={cancelling()}")
    g.add(reschedule(tm, None))


async def reschedule_(g):
    tm = asyncio.timeout_at(None)
    g.add(reschedule(tm, None))
    try:
        async with tm:
            g.add(repr(tm))
            tm.reschedule(now() + 2)
            await asyncio.sleep(1)
            tm.reschedule(now() + 3)
            await sleeper(g, "body", 10)
        exit = None
    except BaseException as e:
        exit = e
    g.add(f"exit at {g.now()}: {exit!r}")
    tm = asyncio.timeout(1)
    try:
        async with tm:
            tm.reschedule(None)
            await asyncio.sleep(2)
        exit = None
    except BaseException as e:
        exit = e
    g.add(f"none: exit at {g.now()} {exit!r} {tm!r} expired={py(tm.expired())}")
    g.add(reschedule(tm, None))
    try:
        async with tm:
            pass
        g.add("None")
    except RuntimeError as e:
        g.add(str(e))


async def at_in_the_past(g):
    async def other():
        g.add("other step")
    asyncio.create_task(other(), name="other")
    tm = asyncio.timeout_at(now() - 1)
    try:
        async with tm:
            g.add("in block")
            await sleeper(g, "body", 1)
        exit = None
    except BaseException as e:
        exit = e
    g.add(f"exit at {g.now()}: {exit!r}")
    tm = asyncio.timeout_at(now() - 1)
    try:
        async with tm:
            g.add("no await")
        exit = None
    except BaseException as e:
        exit = e
    g.add(f"{exit!r} {tm!r} expired={py(tm.expired())}")
    await asyncio.sleep(0)


async def nested(g):
    async def run(outer_delay, inner_delay):
        outer, inner = asyncio.timeout(outer_delay), asyncio.timeout(inner_delay)
        try:
            async with outer:
                try:
                    async with inner:
                        await sleeper(g, "body", 10)
                    err = None
                except BaseException as e:
                    err = e
                g.add(f"inner exit at {g.now()}: {err!r} {inner!r} expired={py(inner.expired())}")
                if err is not None:
                    raise err
            exit = None
        except BaseException as e:
            exit = e
        g.add(f"outer exit at {g.now()}: {exit!r} {outer!r} expired={py(outer.expired())}")
    await run(1, 5)
    await run(5, 1)


async def and_outside_cancel(g):
    async def p_body():
        tm = asyncio.timeout(1)
        try:
            async with tm:
                try:
                    await asyncio.sleep(10)
                except asyncio.CancelledError:
                    g.add(f"caught timeout at {g.now()}")
                await sleeper(g, "body", 10)
            exit = None
        except BaseException as e:
            exit = e
        g.add(f"exit at {g.now()}: {exit!r} expired={py(tm.expired())} cancelling={cancelling()}")
        if exit is not None:
            raise exit
    p = asyncio.create_task(p_body(), name="p")
    await asyncio.sleep(2)
    p.cancel()
    try:
        await p
    except BaseException:
        pass
    g.add(f"p cancelled={py(p.cancelled())}")


async def infinite(g):
    tm = asyncio.timeout_at(math.inf)
    try:
        async with tm:
            g.add(repr(tm))
            await asyncio.sleep(2)
        exit = None
    except BaseException as e:
        exit = e
    g.add(f"exit at {g.now()}: {exit!r} {tm!r}")


# ROUNDED and PLAIN are the floats of TestPyFloatRepr: the when= of a
# Timeout's repr is repr(round(when, 3)).
ROUNDED = [12.3456, 2.0005, 1e16, 1.5e16, 123456789.0, 0.1 + 0.2, -1.23456,
           9999999999999998.0, 2.675, 1.0005, 0.00001]
PLAIN = [1e-5, 0.0001, -0.0, 0.0]


async def float_repr(g):
    for x in ROUNDED:
        g.add(repr(round(x, 3)))
    for x in PLAIN:
        g.add(repr(x))


run_scenarios([
    ("expires", expires),
    ("body_catches_cancellation", body_catches_cancellation),
    ("reschedule", reschedule_),
    ("at_in_the_past", at_in_the_past),
    ("nested", nested),
    ("and_outside_cancel", and_outside_cancel),
    ("infinite", infinite),
    ("float_repr", float_repr),
])
