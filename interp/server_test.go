package interp_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/asyncrun/asyncrun/interp"
	"go.starlark.net/starlark"
)

// startLoop runs it.RunForever on a goroutine of its own, and returns once
// the loop runs; the returned function stops it and waits.
func startLoop(t testing.TB, it *interp.Interp) (stop func()) {
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	running := make(chan struct{})
	it.OnLoop(func() { close(running) })
	go func() { done <- it.RunForever(ctx) }()
	<-running
	return func() {
		cancel()
		<-done
	}
}

// TestModuleStateInLongLivedInterpreter: the documented pattern (ExecFile,
// then RunForever and submissions from handlers) keeps mutable state in
// module globals; none of 1,000 submissions fails.
func TestModuleStateInLongLivedInterpreter(t *testing.T) {
	it := interp.New(interp.Options{Stdout: io.Discard})
	defer it.Close()
	if _, err := it.ExecFile(context.Background(), "state.star", `
seen = []
counts = {}
def handle(n):
    seen.append(n)
    counts[n % 3] = counts.get(n % 3, 0) + 1
    return len(seen)
handle = asyncio.coroutine(handle)
`); err != nil {
		t.Fatal(err)
	}
	stop := startLoop(t, it)
	var wg sync.WaitGroup
	var failed atomic.Int32
	for i := range 1000 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if _, err := it.Call(context.Background(), "handle", i); err != nil {
				failed.Add(1)
			}
		}()
	}
	wg.Wait()
	n, err := it.Call(context.Background(), starlark.NewBuiltin("len_seen", func(th *starlark.Thread, _ *starlark.Builtin, _ starlark.Tuple, _ []starlark.Tuple) (starlark.Value, error) {
		return starlark.MakeInt(it.Globals()["seen"].(*starlark.List).Len()), nil
	}))
	stop()
	if failed.Load() != 0 || err != nil || n != int64(1000) {
		t.Errorf("%d of 1,000 calls failed; seen holds %v (%v), want 1000", failed.Load(), n, err)
	}
}

// TestSubmissionsNeverHang: work submitted to a loop that has stopped, or
// to a closed interpreter, fails at once with ErrClosed; work still queued
// when the interpreter closes fails with it too.
func TestSubmissionsNeverHang(t *testing.T) {
	fn := starlark.NewBuiltin("f", func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error) {
		return starlark.None, nil
	})
	// Queued before the loop runs, then the interpreter closes.
	it := interp.New(interp.Options{})
	f, err := it.RunCoroutineThreadsafe(fn)
	if err != nil {
		t.Fatal(err)
	}
	it.Close()
	ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
	defer cancel()
	if _, err := f.Result(ctx); !errors.Is(err, interp.ErrClosed) {
		t.Errorf("queued, then closed: got %v, want ErrClosed", err)
	}
	if _, err := it.RunCoroutineThreadsafe(fn); !errors.Is(err, interp.ErrClosed) {
		t.Errorf("after Close: got %v, want ErrClosed", err)
	}
	if err := it.CallSoonThreadsafe(fn); !errors.Is(err, interp.ErrClosed) {
		t.Errorf("CallSoonThreadsafe after Close: got %v, want ErrClosed", err)
	}
	// After RunForever returned.
	it = interp.New(interp.Options{})
	defer it.Close()
	startLoop(t, it)()
	if _, err := it.RunCoroutineThreadsafe(fn); !errors.Is(err, interp.ErrClosed) {
		t.Errorf("after RunForever returned: got %v, want ErrClosed", err)
	}
	if _, err := it.Call(ctx, fn); err != nil {
		t.Errorf("Call after RunForever returned runs on the caller's goroutine: got %v", err)
	}
}

// TestCallContextReachesHostFunctions: the values and deadline of Call's
// context reach the host functions its task calls, and the cause of their
// context tells a script timeout, a task cancel and a closing interpreter
// apart.
func TestCallContextReachesHostFunctions(t *testing.T) {
	type key struct{}
	causes := make(chan error, 3)
	seen := make(chan string, 1)
	started := make(chan bool, 3)
	fetch := interp.AsyncFunc("fetch", func(ctx context.Context, args starlark.Tuple, _ []starlark.Tuple) (starlark.Value, error) {
		if args.Len() == 0 {
			_, hasDeadline := ctx.Deadline()
			seen <- fmt.Sprintf("%v %v", ctx.Value(key{}), hasDeadline)
			return starlark.None, nil
		}
		started <- true
		<-ctx.Done()
		causes <- context.Cause(ctx)
		return nil, ctx.Err()
	})
	it := interp.New(interp.Options{Predeclared: starlark.StringDict{"fetch": fetch}})
	if _, err := it.ExecFile(context.Background(), "h.star", `
def plain():
    await_(fetch())
def timed():
    try_(lambda: await_(asyncio.wait_for(fetch(1), 0.01)), except_={TimeoutError: lambda e: None})
def cancelled():
    t = asyncio.ensure_future(fetch(1))
    await_(asyncio.sleep(0))
    t.cancel()
    try_(lambda: await_(t), except_={asyncio.CancelledError: lambda e: None})
def forever():
    await_(fetch(1))
plain, timed, cancelled, forever = [asyncio.coroutine(f) for f in [plain, timed, cancelled, forever]]
`); err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithTimeout(context.WithValue(context.Background(), key{}, "req-7"), time.Hour)
	defer cancel()
	if _, err := it.Call(ctx, "plain"); err != nil || <-seen != "req-7 true" {
		t.Errorf("plain: %v", err)
	}
	for name, want := range map[string]error{"timed": interp.ErrScriptTimeout, "cancelled": interp.ErrCancelled} {
		if _, err := it.Call(ctx, name); err != nil {
			t.Errorf("%s: %v", name, err)
		}
		<-started
		if got := <-causes; got != want {
			t.Errorf("%s: cause: got %v, want %v", name, got, want)
		}
	}
	stop := startLoop(t, it)
	go it.Call(context.Background(), "forever")
	<-started // the fetch of forever runs
	stop()
	it.Close()
	if got := <-causes; got != interp.ErrClosed {
		t.Errorf("closing: cause: got %v, want %v", got, interp.ErrClosed)
	}
}

// TestStepLimitPerCall: with StepsPerRun, MaxSteps is each call's budget,
// not the interpreter's life: a long-lived interpreter serves any number of
// calls, a call that spins stops with ErrStepLimit, and the next one works;
// WithStepLimit gives one call a budget of its own.
func TestStepLimitPerCall(t *testing.T) {
	it := interp.New(interp.Options{MaxSteps: 20000, StepsPerRun: true})
	defer it.Close()
	if _, err := it.ExecFile(context.Background(), "s.star", `
def work(n):
    total = 0
    for i in range(n):
        total += i
    return total
def spin():
    while True:
        await_(asyncio.sleep(0))
spin = asyncio.coroutine(spin)
`); err != nil {
		t.Fatal(err)
	}
	stop := startLoop(t, it)
	defer stop()
	for i := range 100 {
		if _, err := it.Call(context.Background(), "work", 1000); err != nil {
			t.Fatalf("call %d: %v", i, err)
		}
	}
	if _, err := it.Call(context.Background(), "spin"); !errors.Is(err, interp.ErrStepLimit) {
		t.Errorf("spin: got %v, want ErrStepLimit", err)
	}
	if _, err := it.Call(interp.WithStepLimit(context.Background(), 100), "work", 1000); !errors.Is(err, interp.ErrStepLimit) {
		t.Errorf("work(1000) within 100 steps: got %v, want ErrStepLimit", err)
	}
	if v, err := it.Call(context.Background(), "work", 10); err != nil || v != int64(45) {
		t.Errorf("after: got %v, %v, want 45", v, err)
	}
}

// TestExecFileWhileRunning: ExecFile while RunForever runs loads more code
// into the running interpreter, as a task.
func TestExecFileWhileRunning(t *testing.T) {
	it := interp.New(interp.Options{})
	defer it.Close()
	stop := startLoop(t, it)
	defer stop()
	if _, err := it.ExecFile(context.Background(), "more.star", "def triple(x):\n    return 3 * x\n"); err != nil {
		t.Fatal(err)
	}
	if v, err := it.Call(context.Background(), "triple", 14); err != nil || v != int64(42) {
		t.Errorf("got %v, %v, want 42", v, err)
	}
}

// TestForeignThread: a host calling a script function with a thread of its
// own gets an error, not a Go panic.
func TestForeignThread(t *testing.T) {
	it := interp.New(interp.Options{})
	defer it.Close()
	globals, err := it.ExecFile(context.Background(), "f.star", `
def f():
    return asyncio.get_event_loop().time()
def g():
    return try_(lambda: 1)
`)
	if err != nil {
		t.Fatal(err)
	}
	for _, name := range []string{"f", "g"} {
		_, err := starlark.Call(&starlark.Thread{}, globals[name], nil, nil)
		if err == nil || !strings.Contains(err.Error(), "must be called by a script of an interpreter") {
			t.Errorf("%s: got %v, want the foreign-thread error", name, err)
		}
	}
}

// TestErrorIsOneLine: Error() is one line naming the exception type and
// message, never the traceback's last line or a Go file path.
func TestErrorIsOneLine(t *testing.T) {
	boom := interp.Func("boom", func(*starlark.Thread, starlark.Tuple, []starlark.Tuple) (starlark.Value, error) {
		panic("oops")
	})
	it := interp.New(interp.Options{Predeclared: starlark.StringDict{"boom": boom}})
	defer it.Close()
	for src, want := range map[string]string{
		`raise_(ValueError("a\nb"))`: `ValueError: a\nb`,
		`boom()`:                     `RuntimeError: boom: host function panicked: oops`,
		`x = (`:                      `e.star:1:6: got end of file, want primary expression`,
	} {
		_, err := it.ExecFile(context.Background(), "e.star", src)
		if err == nil || err.Error() != want {
			t.Errorf("%s: got %v, want %s", src, err, want)
		}
	}
	_, err := it.ExecFile(context.Background(), "e.star", "x = (")
	var ce *interp.CompileError
	if !errors.As(err, &ce) || ce.Pos.Line != 1 || ce.Pos.Col != 6 {
		t.Errorf("got %v, want a CompileError at 1:6", err)
	}
}

// TestLoadRefusesSymlinkOutOfRoot: a symbolic link inside the root that
// points outside it does not load.
func TestLoadRefusesSymlinkOutOfRoot(t *testing.T) {
	dir := t.TempDir()
	root, outside := filepath.Join(dir, "root"), filepath.Join(dir, "outside")
	os.Mkdir(root, 0o755)
	os.Mkdir(outside, 0o755)
	os.WriteFile(filepath.Join(outside, "secret.star"), []byte("secret = 42\n"), 0o644)
	if err := os.Symlink(filepath.Join(outside, "secret.star"), filepath.Join(root, "link.star")); err != nil {
		t.Skip("no symbolic links here:", err)
	}
	os.WriteFile(filepath.Join(root, "main.star"), []byte(`load("link.star", "secret")`+"\nprint(secret)\n"), 0o644)
	it := interp.New(interp.Options{Stdout: io.Discard})
	defer it.Close()
	_, err := it.ExecFile(context.Background(), filepath.Join(root, "main.star"), nil)
	if err == nil || !strings.Contains(err.Error(), "outside the script root") {
		t.Errorf("got %v, want the load refused", err)
	}
}

// TestMaxTasks: creating a task past Options.MaxTasks is a RuntimeError in
// the script, and ErrTaskLimit for the host.
func TestMaxTasks(t *testing.T) {
	var out strings.Builder
	it := interp.New(interp.Options{Stdout: &out, MaxTasks: 10, VirtualTime: true})
	defer it.Close()
	_, err := it.ExecFile(context.Background(), "t.star", `
def park(f):
    await_(f)
park = asyncio.coroutine(park)
def main():
    f = asyncio.get_running_loop().create_future()
    ts = []
    def more():
        for i in range(100):
            ts.append(asyncio.ensure_future(park(f)))
    try_(more, except_={RuntimeError: lambda e: print("stopped at", len(ts), "tasks:", e)})
    f.set_result(None)
    await_(asyncio.gather(*ts))
    asyncio.ensure_future(park(f))
    for i in range(20):
        asyncio.ensure_future(park(f))
asyncio.run(asyncio.coroutine(main)())
`)
	if want := "stopped at 9 tasks: too many tasks: the interpreter's limit is 10 unfinished tasks\n"; out.String() != want {
		t.Errorf("script printed %q, want %q", out.String(), want)
	}
	if !errors.Is(err, interp.ErrTaskLimit) {
		t.Errorf("got %v, want ErrTaskLimit", err)
	}
}

// TestQueuedHostCallsHoldNoGoroutine: calls past MaxHostCalls wait without
// a goroutine each.
func TestQueuedHostCallsHoldNoGoroutine(t *testing.T) {
	release := make(chan struct{})
	var running atomic.Int32
	slow := interp.AsyncFunc("slow", func(ctx context.Context, _ starlark.Tuple, _ []starlark.Tuple) (starlark.Value, error) {
		running.Add(1)
		<-release
		return starlark.None, nil
	})
	goroutines := make(chan int, 1)
	probe := interp.Func("probe", func(*starlark.Thread, starlark.Tuple, []starlark.Tuple) (starlark.Value, error) {
		goroutines <- runtime.NumGoroutine()
		close(release)
		return starlark.None, nil
	})
	it := interp.New(interp.Options{MaxHostCalls: 4, Predeclared: starlark.StringDict{"slow": slow, "probe": probe}})
	defer it.Close()
	before := runtime.NumGoroutine()
	_, err := it.ExecFile(context.Background(), "q.star", `
def main():
    calls = [slow() for i in range(5000)]
    await_(asyncio.sleep(0))
    probe()
    await_(asyncio.gather(*calls))
asyncio.run(asyncio.coroutine(main)())
`)
	if err != nil {
		t.Fatal(err)
	}
	if n := <-goroutines - before; n > 50 {
		t.Errorf("5,000 queued host calls (4 running) hold %d goroutines, want about 4", n)
	}
}

// TestPredeclaredAreFrozen: a value handed in by the host cannot be
// changed by a script, so interpreters may share it.
func TestPredeclaredAreFrozen(t *testing.T) {
	shared := starlark.NewList([]starlark.Value{starlark.MakeInt(1)})
	var wg sync.WaitGroup
	errs := make([]error, 4)
	for i := range errs {
		wg.Add(1)
		go func() {
			defer wg.Done()
			it := interp.New(interp.Options{Stdout: io.Discard, Predeclared: starlark.StringDict{"shared": shared}})
			defer it.Close()
			_, errs[i] = it.ExecFile(context.Background(), "f.star", "print(len(shared))\nshared.append(2)\n")
		}()
	}
	wg.Wait()
	for _, err := range errs {
		if err == nil || !strings.Contains(err.Error(), "frozen") {
			t.Errorf("got %v, want a frozen-list error", err)
		}
	}
	if shared.Len() != 1 {
		t.Errorf("the host's list changed: %v", shared)
	}
}

// TestOnUnhandled: the host receives the reports nobody handled.
func TestOnUnhandled(t *testing.T) {
	var got []string
	it := interp.New(interp.Options{VirtualTime: true, OnUnhandled: func(u interp.Unhandled) {
		got = append(got, u.Message+" | "+u.Exception.Error())
	}})
	_, err := it.ExecFile(context.Background(), "u.star", `
def fail():
    raise_(KeyError("lost"))
def main():
    asyncio.ensure_future(asyncio.coroutine(fail)())
    asyncio.get_running_loop().call_soon(lambda: 1 // 0)
    await_(asyncio.sleep(0.1))
asyncio.run(asyncio.coroutine(main)())
`)
	it.Close()
	want := []string{
		"Exception in callback lambda() at u.star:6 | ZeroDivisionError: integer division or modulo by zero",
		"Task exception was never retrieved | KeyError: 'lost'",
	}
	if err != nil || strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got %q (%v), want %q", got, err, want)
	}
}

// TestCloseContextIsBounded: a host function that ignores its context does
// not hold CloseContext past its deadline.
func TestCloseContextIsBounded(t *testing.T) {
	stuck := make(chan struct{})
	started := make(chan struct{})
	deaf := interp.AsyncFunc("deaf", func(context.Context, starlark.Tuple, []starlark.Tuple) (starlark.Value, error) {
		close(started)
		<-stuck
		return starlark.None, nil
	})
	it := interp.New(interp.Options{Predeclared: starlark.StringDict{"deaf": deaf}})
	defer close(stuck)
	go it.ExecFile(context.Background(), "d.star", "await_(deaf())\n")
	<-started
	it.KeyboardInterrupt()
	ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
	defer cancel()
	if err := it.CloseContext(ctx); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("got %v, want DeadlineExceeded", err)
	}
}

// TestMemoryLimit: a script allocating in a loop stops soon after
// Options.MaxMemory, with MemoryError in the traceback and ErrMemoryLimit
// for the host.
func TestMemoryLimit(t *testing.T) {
	const limit = 256 << 20
	runtime.GC() // the bound is the process's heap: start from what is live
	it := interp.New(interp.Options{MaxMemory: limit})
	defer it.Close()
	_, err := it.ExecFile(context.Background(), "m.star", `
hog = []
for i in range(10000000):
    hog.append("x" * 1000 + str(i))
`)
	var ie *interp.Error
	if !errors.Is(err, interp.ErrMemoryLimit) || !errors.As(err, &ie) || !strings.Contains(ie.Traceback(), "MemoryError") {
		t.Fatalf("got %v, want ErrMemoryLimit with MemoryError", err)
	}
	var heapMB int
	fmt.Sscanf(err.Error()[strings.Index(err.Error(), "the heap holds ")+len("the heap holds "):], "%d", &heapMB)
	// Unbounded, the script would hold 10 GB. The sampler sees the heap
	// within a few MB of the bound on a quiet machine; a loaded one delays
	// it (283 MB was seen), so the test allows half the bound again.
	if heapMB<<20 > limit*3/2 {
		t.Errorf("the run stopped with %d MB of heap, more than 50%% past the bound of %d MB", heapMB, limit>>20)
	}
}

// TestCompileOnceRunMany: one compiled program runs in many interpreters
// at once.
func TestCompileOnceRunMany(t *testing.T) {
	p, err := interp.Compile("p.star", `
def square(x):
    await_(asyncio.sleep(0))
    return x * x + offset
result = asyncio.run(asyncio.coroutine(square)(7))
`, "offset")
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	results := make([]starlark.Value, 8)
	for i := range results {
		wg.Add(1)
		go func() {
			defer wg.Done()
			it := interp.New(interp.Options{Predeclared: starlark.StringDict{"offset": starlark.MakeInt(i)}})
			defer it.Close()
			globals, err := it.Exec(context.Background(), p)
			if err != nil {
				t.Error(err)
				return
			}
			results[i] = globals["result"]
		}()
	}
	wg.Wait()
	for i, r := range results {
		if r == nil || r.String() != fmt.Sprint(49+i) {
			t.Errorf("interpreter %d: got %v, want %d", i, r, 49+i)
		}
	}
}
