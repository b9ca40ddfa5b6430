package builtins

import (
	"strings"
	"testing"
)

// TestRecursiveRepr: a future whose repr reaches itself (a result that
// contains it, tasks that await each other, shown by the deadlock report)
// prints "..." there, as CPython's does, instead of recursing until Go's
// stack overflows; cancelling them (asyncio.run does at the end) ends too.
func TestRecursiveRepr(t *testing.T) {
	checkScript(t, `
def main():
    f = asyncio.get_running_loop().create_future()
    f.set_result([f])
    print(f)
asyncio.run(asyncio.coroutine(main)())
`, "<Future finished result=[...]>\n")
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
