package builtins

import (
	"strings"
	"testing"

	"github.com/asyncrun/asyncrun/loop"
)

// TestRecursiveRepr: tasks that await each other, shown by the deadlock
// report (asyncrun's own), print "..." where a repr reaches itself, as
// CPython's reprs do, instead of recursing until Go's stack overflows;
// cancelling them (asyncio.run does at the end) ends too. A future whose
// result contains it is checked against CPython by the spec program
// output/future_recursive_repr.
func TestRecursiveRepr(t *testing.T) {
	_, err := runScript(t, `
def a():
    await_(tasks[1])
def b():
    await_(tasks[0])
tasks = []
def main():
    tasks.append(asyncio.ensure_future(asyncio.coroutine(a)()))
    tasks.append(asyncio.ensure_future(asyncio.coroutine(b)()))
    await_(tasks[0])
asyncio.run(asyncio.coroutine(main)())
`)
	want := "wait_for=<Task pending name='Task-3' coro=<b() running at x.star:5> wait_for=... cb=[Task.task_wakeup()]>"
	if err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("got %v, want a deadlock report containing %s", err, want)
	}
}

// TestLongWaitChainRepr: a task at the end of a chain of a thousand tasks,
// each awaiting the next, shows the chain maxWaitDepth deep, so the report
// of the pending tasks at the end stays linear in the chain's length.
func TestLongWaitChainRepr(t *testing.T) {
	out, err := runScript(t, `
def aws(f):
    return await_(f)
aws = asyncio.coroutine(aws)
f = asyncio.get_event_loop().create_future()
for i in range(1000):
    f = asyncio.ensure_future(aws(f))
await_(asyncio.sleep(0))
print(f)
`)
	if err != nil {
		t.Fatal(err)
	}
	repr, report, _ := strings.Cut(out, "\n")
	if n := strings.Count(repr, "wait_for="); n != maxWaitDepth+1 {
		t.Errorf("repr nests %d wait_for=, want %d: %s", n, maxWaitDepth+1, repr)
	}
	if !strings.Contains(repr, "wait_for=<...>") {
		t.Errorf("repr does not end the chain with <...>: %s", repr)
	}
	// The report at Close has a line for each of the 1000 tasks (and one
	// for its repr); each is at most maxWaitDepth+1 tasks long.
	if n, limit := len(report), 2000*(maxWaitDepth+2)*100; n > limit {
		t.Errorf("the report of pending tasks is %d bytes, want at most %d", n, limit)
	}
}

// TestDebugDropsAwaitedCoroutines: debug mode keeps the coroutines it may
// report as never awaited, not every coroutine a program made.
func TestDebugDropsAwaitedCoroutines(t *testing.T) {
	rt := NewRuntime(Config{Debug: true, Clock: loop.NewClock(true)})
	defer rt.Close()
	err := execFile(rt, "x.star", `
def step(i):
    return i
step = asyncio.coroutine(step)
def main():
    for i in range(20000):
        await_(step(i))
asyncio.run(asyncio.coroutine(main)())
`)
	if err != nil {
		t.Fatal(err)
	}
	if n := len(rt.coros); n > 1000 {
		t.Errorf("debug mode keeps %d coroutines after 20,000 were awaited, want few", n)
	}
}
