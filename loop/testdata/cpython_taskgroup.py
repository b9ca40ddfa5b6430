# The CPython twin of loop/taskgroup_test.go: each scenario prints one line,
# "name: event; event; ...", which the Go test of the same name compares
# with its own log. The loop runs on a virtual clock (see virtual_loop.py),
# as the Go tests' loops do.
import sys
sys.dont_write_bytecode = True
import asyncio
from virtual_loop import py, run_scenarios, sleeper


async def fail(g, d, exc):
    await asyncio.sleep(d)
    g.add(f"raise {exc!r} at {g.now()}")
    raise exc


def cancelling():
    return asyncio.current_task().cancelling()


async def first_failure_cancels_siblings_and_body(g):
    tg = asyncio.TaskGroup()
    try:
        async with tg:
            tg.create_task(sleeper(g, "a", 10), name="a")
            tg.create_task(fail(g, 1, ValueError("boom")), name="fail")
            tg.create_task(sleeper(g, "b", 10), name="b")
            g.add(repr(tg))
            try:
                await asyncio.sleep(5)
            except asyncio.CancelledError:
                g.add(f"body cancelled {tg!r}")
                raise
        exit = None
    except BaseException as e:
        exit = e
    g.add(f"exit at {g.now()}: {exit!r} cancelling={cancelling()}")
    g.add(f"str: {exit}")


async def several_failures_in_order(g):
    tg = asyncio.TaskGroup()
    try:
        async with tg:
            tg.create_task(fail(g, 1, ValueError("one")), name="one")
            tg.create_task(sleeper(g, "c2", 10, KeyError("two")), name="c2")
            tg.create_task(fail(g, 1, TypeError("three")), name="three")
            try:
                await asyncio.sleep(5)
            except asyncio.CancelledError:
                g.add(f"body cancelled {tg!r}")
                raise RuntimeError("body")
        exit = None
    except BaseException as e:
        exit = e
    g.add(f"exit at {g.now()}: {exit!r} cancelling={cancelling()}")
    g.add(f"str: {exit}")


async def cancelled_from_outside(g):
    async def p_body():
        tg = asyncio.TaskGroup()
        try:
            async with tg:
                tg.create_task(sleeper(g, "a", 10), name="a")
                await sleeper(g, "body", 10)
        except BaseException as e:
            g.add(f"exit at {g.now()}: {e!r}")
            raise
    p = asyncio.create_task(p_body(), name="p")
    await asyncio.sleep(1)
    p.cancel("stop")
    try:
        await p
        err = None
    except BaseException as e:
        err = e
    g.add(f"p cancelled={py(p.cancelled())} {err!r}")


async def cancelled_while_exiting(g):
    async def p_body():
        tg = asyncio.TaskGroup()
        try:
            async with tg:
                tg.create_task(sleeper(g, "a", 10), name="a")
                g.add("body ends")
        except BaseException as e:
            g.add(f"exit at {g.now()}: {e!r}")
            raise
    p = asyncio.create_task(p_body(), name="p")
    await asyncio.sleep(1)
    p.cancel("stop")
    try:
        await p
        err = None
    except BaseException as e:
        err = e
    g.add(f"p cancelled={py(p.cancelled())} {err!r}")


async def nested(g):
    outer = asyncio.TaskGroup()
    try:
        async with outer:
            outer.create_task(sleeper(g, "o1", 10), name="o1")
            inner = asyncio.TaskGroup()
            try:
                async with inner:
                    inner.create_task(fail(g, 1, ValueError("inner")), name="i1")
                    inner.create_task(sleeper(g, "i2", 10), name="i2")
                    await sleeper(g, "inner body", 5)
            except BaseException as e:
                g.add(f"inner exit at {g.now()}: {e!r} cancelling={cancelling()}")
                raise
        exit = None
    except BaseException as e:
        exit = e
    g.add(f"outer exit at {g.now()}: {exit!r} cancelling={cancelling()}")


async def state_errors(g):
    def try_create(tg):
        coro = asyncio.sleep(0)
        try:
            tg.create_task(coro)
        except RuntimeError as e:
            g.add(str(e))
        finally:
            coro.close()

    tg = asyncio.TaskGroup()
    try_create(tg)

    async def child():
        try:
            await asyncio.sleep(10)
        except asyncio.CancelledError:
            try_create(tg)
            raise

    try:
        async with tg:
            try:
                await tg.__aenter__()
            except RuntimeError as e:
                g.add(str(e))
            tg.create_task(fail(g, 1, ValueError("v")), name="v")
            tg.create_task(child(), name="child")
        exit = None
    except BaseException as e:
        exit = e
    g.add(f"exit: {exit!r}")
    try_create(tg)
    tg2 = asyncio.TaskGroup()
    async with tg2:
        tg2.create_task(sleeper(g, "s", 1), name="s")
    try_create(tg2)


async def many_children(g):
    # CPython keeps a group's tasks in a set, so the order in which it
    # cancels them follows their hashes: the twin prints which were
    # cancelled, in numeric order. (The Go group cancels in creation order;
    # its test checks that on its own.)
    cancelled = []

    async def child(i):
        try:
            await asyncio.sleep(i)
        except asyncio.CancelledError:
            cancelled.append(i)
            raise

    tg = asyncio.TaskGroup()
    try:
        async with tg:
            for i in range(1, 201):
                if i == 180:
                    tg.create_task(fail(g, i, ValueError(str(i))), name=str(i))
                else:
                    tg.create_task(child(i), name=str(i))
        exit = None
    except BaseException as e:
        exit = e
    g.add("cancelled: " + " ".join(str(i) for i in sorted(cancelled)))
    g.add(f"exit: {exit!r}")


SCENARIOS = [
    ("first_failure", first_failure_cancels_siblings_and_body),
    ("several_failures", several_failures_in_order),
    ("cancelled_from_outside", cancelled_from_outside),
    ("cancelled_while_exiting", cancelled_while_exiting),
    ("nested", nested),
    ("state_errors", state_errors),
    ("many_children", many_children),
]


run_scenarios(SCENARIOS)
