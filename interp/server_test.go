package interp_test

import (
	"context"
	"errors"
	"fmt"
	"io"
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
	for _, name := range []string{"timed", "cancelled"} {
		if _, err := it.Call(ctx, name); err != nil {
			t.Errorf("%s: %v", name, err)
		}
	}
	stop := startLoop(t, it)
	go it.Call(context.Background(), "forever")
	<-started
	<-started
	<-started // the third fetch, of forever, runs
	stop()
	it.Close()
	for _, want := range []error{interp.ErrScriptTimeout, interp.ErrCancelled, interp.ErrClosed} {
		if got := <-causes; got != want {
			t.Errorf("cause: got %v, want %v", got, want)
		}
	}
}
