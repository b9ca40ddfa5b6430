# What the CPython twins of the loop tests share: an event loop on a
# virtual clock, as the Go tests' loops are (a selector that advances time
# by the timeout it is given instead of waiting), so the times the twins
# print are exact and their output does not depend on the machine's load;
# and the log the scenarios write.
import asyncio
import selectors


class VirtualSelector(selectors.DefaultSelector):
    """Never waits: a select with a timeout moves the loop's clock on."""

    def __init__(self):
        super().__init__()
        self.now = 0.0

    def select(self, timeout=None):
        ready = super().select(0)
        if not ready and timeout is not None and timeout > 0:
            self.now += timeout
        return ready


class VirtualLoop(asyncio.SelectorEventLoop):
    def __init__(self):
        super().__init__(selector=VirtualSelector())

    def time(self):
        return self._selector.now


class Log:
    def __init__(self):
        self.t0 = asyncio.get_running_loop().time()
        self.lines = []

    def add(self, s):
        self.lines.append(s)

    def now(self):
        """The time since the log began, printed as Go's %v prints a float64."""
        t = round(asyncio.get_running_loop().time() - self.t0, 6)
        return str(int(t)) if t == int(t) else str(t)

    def __str__(self):
        return "; ".join(self.lines)


def py(b):
    return "True" if b else "False"


async def sleeper(g, name, d, on_cancel=None):
    """Sleeps d seconds; cancelled, logs it and raises on_cancel (or the
    cancellation when on_cancel is None)."""
    try:
        await asyncio.sleep(d)
    except asyncio.CancelledError:
        g.add(f"{name} cancelled at {g.now()}")
        if on_cancel is not None:
            raise on_cancel
        raise
    g.add(f"{name} done")


def run_scenarios(scenarios):
    """Runs each scenario on a new virtual loop and prints "name: log"."""
    async def scenario(body):
        g = Log()
        await body(g)
        return str(g)

    for name, body in scenarios:
        with asyncio.Runner(loop_factory=VirtualLoop) as runner:
            print(f"{name}: {runner.run(scenario(body))}")
