package locks

import (
	"strings"
	"testing"

	"github.com/asyncrun/asyncrun/internal/builtins"
)

// runScript runs src as the file x.star under virtual time and returns

// The primitives' reprs and type names are checked against CPython by the
// spec program spec_tests/testdata/asyncio/sync_reprs and its twin.

// TestSyncClassValues: a class's type is named as Starlark's type() names
// it, a string (CPython prints <class 'type'>), so this is not in a twin;
// the classes' reprs are (spec_tests/testdata/asyncio/class_reprs).
func TestSyncClassValues(t *testing.T) {
	checkScript(t, `
print(asyncio.Lock.__name__, type(asyncio.Barrier))
`, `Lock type
`)
}

// TestSyncCoroutines: the methods CPython declares async return coroutines
// named by CPython's qualified names (Condition's acquire is its lock's, a
// BoundedSemaphore's is Semaphore's), which run once.
func TestSyncCoroutines(t *testing.T) {
	checkScript(t, `
lock, cond, sem, bsem = asyncio.Lock(), asyncio.Condition(), asyncio.Semaphore(), asyncio.BoundedSemaphore()
ev, b = asyncio.Event(), asyncio.Barrier(1)
for co in [lock.acquire(), cond.acquire(), cond.wait(), cond.wait_for(len), sem.acquire(), bsem.acquire(),
           ev.wait(), b.wait(), b.reset(), b.abort()]:
    print(co, asyncio.iscoroutine(co))
co = lock.acquire()
print(await_(co), lock.locked())
try_(lambda: await_(co), except_={RuntimeError: lambda e: print(str(e))})
`, `<coroutine object Lock.acquire> True
<coroutine object Lock.acquire> True
<coroutine object Condition.wait> True
<coroutine object Condition.wait_for> True
<coroutine object Semaphore.acquire> True
<coroutine object Semaphore.acquire> True
<coroutine object Event.wait> True
<coroutine object Barrier.wait> True
<coroutine object Barrier.reset> True
<coroutine object Barrier.abort> True
True True
cannot reuse already awaited coroutine Lock.acquire()
`)
}

// TestSyncWithLetsExceptionsThrough: with_ on a semaphore, a condition and a
// barrier lets the block's exception through; the semaphore and the
// condition's lock are released. At top level, with_ runs the loop to
// acquire, as await_ does.
func TestSyncWithLetsExceptionsThrough(t *testing.T) {
	checkScript(t, `
def main():
    sem, cond, b = asyncio.Semaphore(1), asyncio.Condition(), asyncio.Barrier(1)
    for cm in [sem, cond, b]:
        try_(lambda: with_(cm, lambda: raise_(ValueError(type(cm)))),
             except_={ValueError: lambda e: print("through:", str(e))})
    print(sem.locked(), cond.locked(), b.broken)
    print("barrier gives the index:", with_(b, lambda i: i))
lock = asyncio.Lock()
with_(lock, lambda: print("top level: locked", lock.locked()))
print("after:", lock.locked())
asyncio.run(asyncio.coroutine(main)())
`, `top level: locked True
after: False
through: Semaphore
through: Condition
through: Barrier
False False False
barrier gives the index: 0
`)
}

// TestSyncConstructors: 3.11's arguments (no loop=), a Condition's lock must
// be a Lock, hashing is by identity.
func TestSyncConstructors(t *testing.T) {
	checkScript(t, `
def check(f):
    try_(f, except_=lambda e: print(str(e)))
check(lambda: asyncio.Condition(1))
check(lambda: asyncio.Lock(loop=None))
check(lambda: asyncio.Event(1))
check(lambda: asyncio.Barrier())
check(lambda: asyncio.BoundedSemaphore(value=-1))
lock = asyncio.Lock()
cond = asyncio.Condition(lock=lock)
print(asyncio.Semaphore(value=3), asyncio.Barrier(parties=2))
d = {lock: 1, cond: 2, asyncio.Lock(): 3}
print(len(d), d[lock], lock == lock, lock == asyncio.Lock())
try_(lambda: asyncio.Condition(1), except_={TypeError: lambda e: print("TypeError")})
try_(lambda: asyncio.Semaphore(-1), except_={ValueError: lambda e: print("ValueError")})
`, `Condition: lock must be an asyncio.Lock or None, got int
Lock: unexpected keyword argument "loop"
Event: got 1 arguments, want at most 0
Barrier: missing argument for parties
Semaphore initial value must be >= 0
<asyncio.locks.Semaphore object [unlocked, value:3]> <asyncio.locks.Barrier object [filling, waiters:0/2]>
3 1 True False
TypeError
ValueError
`)
}

// TestDeadlockNamesWaits: the deadlock report says what each task waits on
// when its waiter future has a label, and keeps CPython's wait_for= for
// other futures.
func TestDeadlockNamesWaits(t *testing.T) {
	_, err := runScript(t, `
q = asyncio.Queue()
lock = asyncio.Lock()
def holder():
    await_(lock.acquire())
    await_(q.get())
holder = asyncio.coroutine(holder)
def waiter():
    await_(lock.acquire())
waiter = asyncio.coroutine(waiter)
def main():
    await_(asyncio.gather(holder(), waiter()))
asyncio.run(asyncio.coroutine(main)())
`)
	if err == nil {
		t.Fatal("got no error, want a deadlock")
	}
	msg := builtins.FormatError(err)
	for _, want := range []string{
		"RuntimeError: deadlock: ",
		"\n  <Task pending name='Task-1' coro=<main() running at x.star:12> wait_for=<Future pending cb=[",
		"\n  <Task pending name='Task-2' coro=<holder() running at x.star:6> wait_for=<Future pending cb=[Task.task_wakeup()]>>\n    waiting on Queue.get() at x.star:6",
		"\n  <Task pending name='Task-3' coro=<waiter() running at x.star:9> wait_for=<Future pending cb=[Task.task_wakeup()]>>\n    waiting on Lock.acquire() at x.star:9",
	} {
		if !strings.Contains(msg, want) {
			t.Errorf("got:\n%s\nwant it to contain %q", msg, want)
		}
	}
}

// TestDeadlockLabels: each primitive's waiters are labelled by the method
// the task waits in.
func TestDeadlockLabels(t *testing.T) {
	for _, tc := range []struct{ setup, wait, label string }{
		{"x = asyncio.Event()", "x.wait()", "Event.wait()"},
		{"x = asyncio.Condition()", "x.wait_for(lambda: False)", "Condition.wait()"},
		{"x = asyncio.Semaphore(0)", "x.acquire()", "Semaphore.acquire()"},
		{"x = asyncio.Barrier(2)", "x.wait()", "Barrier.wait()"},
		{"x = asyncio.Queue(1)\nx.put_nowait(1)", "x.put(2)", "Queue.put()"},
		{"x = asyncio.Queue()\nx.put_nowait(1)\nx.get_nowait()", "x.join()", "Queue.join()"},
	} {
		src := tc.setup + "\ndef main():\n"
		if strings.HasPrefix(tc.wait, "x.wait_for") {
			src += "    await_(x.acquire())\n"
		}
		src += "    await_(" + tc.wait + ")\nasyncio.run(asyncio.coroutine(main)())\n"
		_, err := runScript(t, src)
		if err == nil || !strings.Contains(err.Error(), "\n    waiting on "+tc.label+" at x.star:") {
			t.Errorf("%s: got %v, want a deadlock waiting on %s", tc.wait, err, tc.label)
		}
	}
}
