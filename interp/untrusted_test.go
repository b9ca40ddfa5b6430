package interp_test

import (
	"context"
	"errors"
	"fmt"
	"io"
	"math/big"
	"os"
	"os/exec"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/asyncrun/asyncrun/interp"
	"go.starlark.net/starlark"
	"go.uber.org/goleak"
)

// Embedding untrusted scripts (issue 22): no script crashes, outlives or
// disables its host. Each test here is a defect of 487f0b5.

// within runs fn and fails the test if it has not returned after d: a
// hang is a failure, reported with what hung.
func within(t *testing.T, d time.Duration, what string, fn func()) {
	t.Helper()
	done := make(chan struct{})
	go func() {
		defer close(done)
		fn()
	}()
	select {
	case <-done:
	case <-time.After(d):
		t.Fatalf("%s: still running after %v", what, d)
	}
}

// childEnv names the scenario a re-executed test binary runs (see
// TestConvertCrashesInChild).
const childEnv = "ASYNCRUN_TEST_CHILD"

// childScenarios are run in a child process: on 487f0b5 each killed the
// process with a fatal stack overflow, which no test can recover.
var childScenarios = map[string]func() error{
	"cyclic-result": func() error {
		it := interp.New(interp.Options{Stdout: io.Discard})
		defer it.Close()
		if _, err := it.ExecFile(context.Background(), "c.star", "def cyclic():\n    l = []\n    l.append(l)\n    return l\n"); err != nil {
			return err
		}
		_, err := it.Call(context.Background(), "cyclic")
		return err
	},
	"cyclic-pointer": func() error {
		type node struct{ Next *node }
		n := &node{}
		n.Next = n
		_, err := interp.ToStarlark(n)
		return err
	},
	"cyclic-dict": func() error {
		it := interp.New(interp.Options{Stdout: io.Discard})
		defer it.Close()
		g, err := it.ExecFile(context.Background(), "c.star", "d = {}\nd['self'] = [d]\n")
		if err != nil {
			return err
		}
		_, err = interp.FromStarlark(g["d"])
		return err
	},
}

// TestConvertCrashesInChild: a cyclic value returned through Call, or
// given to ToStarlark or FromStarlark, is an error naming where the cycle
// is, not a crash of the host (checked in a child process, which a crash
// kills instead of the test binary).
func TestConvertCrashesInChild(t *testing.T) {
	if name := os.Getenv(childEnv); name != "" {
		t.Skip("the child runs its scenario from TestMain's init")
	}
	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]string{
		"cyclic-result":  "interp: Call: result[0][0]: the value contains itself",
		"cyclic-pointer": "value.Next: the value contains itself",
		"cyclic-dict":    `value["self"][0]["self"]: the value contains itself`,
	}
	for name, wantErr := range want {
		t.Run(name, func(t *testing.T) {
			ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
			defer cancel()
			cmd := exec.CommandContext(ctx, exe, "-test.run=^TestConvertChild$", "-test.v")
			cmd.Env = append(os.Environ(), childEnv+"="+name)
			out, err := cmd.CombinedOutput()
			if err != nil {
				t.Fatalf("the child died (%v):\n%.2000s", err, out)
			}
			if !strings.Contains(string(out), "scenario error: ") || !strings.Contains(string(out), wantErr) {
				t.Fatalf("want an error containing %q, got:\n%.2000s", wantErr, out)
			}
		})
	}
}

// TestConvertChild is the child's side of TestConvertCrashesInChild.
func TestConvertChild(t *testing.T) {
	name := os.Getenv(childEnv)
	if name == "" {
		t.Skip("run by TestConvertCrashesInChild")
	}
	err := childScenarios[name]()
	if err == nil {
		t.Fatal("scenario: no error")
	}
	var ce *interp.ConvertError
	if !errors.As(err, &ce) || !errors.Is(err, interp.ErrCycle) {
		t.Fatalf("scenario: %v is not a *ConvertError for a cycle", err)
	}
	fmt.Printf("scenario error: %v\n", err)
}

// TestFromStarlarkHashableKeys: every key a script can put in a dict
// converts without a panic: None, tuples (with None inside), bytes, ints
// beyond int64, frozen values.
func TestFromStarlarkHashableKeys(t *testing.T) {
	it := interp.New(interp.Options{Stdout: io.Discard})
	defer it.Close()
	g, err := it.ExecFile(context.Background(), "k.star", `
d = {None: 1, (1, None): 2, b"x": 3, 1 << 70: 4, 2.5: 5, True: 6}
s = struct(a = [1, (2, 3)])
`)
	if err != nil {
		t.Fatal(err)
	}
	g["d"].Freeze()
	var got any
	func() {
		defer func() {
			if r := recover(); r != nil {
				t.Fatalf("FromStarlark panicked: %v", r)
			}
		}()
		got, err = interp.FromStarlark(g["d"])
	}()
	if err != nil {
		t.Fatal(err)
	}
	m := got.(map[any]any)
	if m[nil] != int64(1) || m[[2]any{int64(1), nil}] != int64(2) || m["x"] != int64(3) || m[2.5] != int64(5) || m[true] != int64(6) {
		t.Errorf("got %#v", m)
	}
	if _, err := it.Call(context.Background(), starlark.NewBuiltin("f", func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error) {
		return g["d"], nil
	})); err != nil {
		t.Errorf("Call returning {None: 1}: %v", err)
	}
	if _, err := interp.FromStarlark(g["s"]); err != nil {
		t.Errorf("struct: %v", err)
	}
}

// TestConvertDepth: a value nested deeper than the bound fails with
// ErrTooDeep instead of exhausting the stack.
func TestConvertDepth(t *testing.T) {
	var v any = 1
	for i := 0; i < 5000; i++ {
		v = []any{v}
	}
	if _, err := interp.ToStarlark(v); !errors.Is(err, interp.ErrTooDeep) {
		t.Errorf("ToStarlark: got %v, want ErrTooDeep", err)
	}
	var sv starlark.Value = starlark.MakeInt(1)
	for i := 0; i < 5000; i++ {
		sv = starlark.NewList([]starlark.Value{sv})
	}
	if _, err := interp.FromStarlark(sv); !errors.Is(err, interp.ErrTooDeep) {
		t.Errorf("FromStarlark: got %v, want ErrTooDeep", err)
	}
}

type Base struct {
	ID   int `starlark:"id"`
	Kind string
}

type item struct {
	Base
	Name  string   `starlark:"name"`
	Price *big.Int `starlark:"price"`
	Tags  []string `starlark:"tags"`
	Err   error    `starlark:"err"`
	Skip  int      `starlark:"-"`
}

// TestConvertGoValues: big.Int, error, embedded structs (flattened as
// encoding/json does), and Go maps in sorted key order.
func TestConvertGoValues(t *testing.T) {
	huge, _ := new(big.Int).SetString("123456789012345678901234567890", 10)
	v := item{Base: Base{ID: 7, Kind: "k"}, Name: "n", Price: huge, Tags: []string{"a"}, Err: errors.New("boom")}
	sv, err := interp.ToStarlark(v)
	if err != nil {
		t.Fatal(err)
	}
	const want = `struct(Kind = "k", err = boom, id = 7, name = "n", price = 123456789012345678901234567890, tags = ["a"])`
	if sv.String() != want {
		t.Errorf("got  %s\nwant %s", sv, want)
	}
	if e, _ := sv.(starlark.HasAttrs).Attr("err"); e == nil || e.Type() != "Exception" {
		t.Errorf("err: got %v, want an Exception", e)
	}
	bv, _ := interp.ToStarlark(*huge)
	if bv.String() != huge.String() {
		t.Errorf("big.Int value: got %s", bv)
	}
	m := map[string]int{}
	for i := 0; i < 50; i++ {
		m[fmt.Sprintf("k%02d", i)] = i
	}
	for i := 0; i < 5; i++ {
		d, _ := interp.ToStarlark(m)
		keys := d.(*starlark.Dict).Keys()
		for j := 1; j < len(keys); j++ {
			if keys[j-1].(starlark.String) > keys[j].(starlark.String) {
				t.Fatalf("keys out of order: %v", keys)
			}
		}
	}
}

// TestCallNamesFailingArgument: an argument that does not convert is
// named, with where in it.
func TestCallNamesFailingArgument(t *testing.T) {
	it := interp.New(interp.Options{Stdout: io.Discard})
	defer it.Close()
	if _, err := it.ExecFile(context.Background(), "a.star", "def f(a, b):\n    return a\n"); err != nil {
		t.Fatal(err)
	}
	_, err := it.Call(context.Background(), "f", 1, map[string]any{"x": make(chan int)})
	if err == nil || !strings.Contains(err.Error(), `Call: argument 2["x"]: cannot convert chan int`) {
		t.Errorf("got %v", err)
	}
}

// TestDecode: a Call's result fills a Go struct with tags, embedded
// fields, slices, maps and big ints.
func TestDecode(t *testing.T) {
	it := interp.New(interp.Options{Stdout: io.Discard})
	defer it.Close()
	if _, err := it.ExecFile(context.Background(), "d.star", `
def get():
    return {"id": 3, "Kind": "fruit", "name": "apple", "price": 1 << 80, "tags": ["red", "round"], "extra": None}
`); err != nil {
		t.Fatal(err)
	}
	res, err := it.Call(context.Background(), "get")
	if err != nil {
		t.Fatal(err)
	}
	var got item
	if err := interp.Decode(res, &got); err != nil {
		t.Fatal(err)
	}
	if got.ID != 3 || got.Kind != "fruit" || got.Name != "apple" || got.Price.String() != new(big.Int).Lsh(big.NewInt(1), 80).String() || len(got.Tags) != 2 {
		t.Errorf("got %+v", got)
	}
	var bad struct {
		Tags []int `starlark:"tags"`
	}
	if err := interp.Decode(res, &bad); err == nil || !strings.Contains(err.Error(), "value.tags[0]: cannot store string in int") {
		t.Errorf("bad: got %v", err)
	}
	var m map[string]any
	if err := interp.Decode(res, &m); err != nil || m["name"] != "apple" {
		t.Errorf("map: %v %v", m, err)
	}
}

// TestFrozenArgumentMutation: changing a frozen argument raises the
// RuntimeError the README promises.
func TestFrozenArgumentMutation(t *testing.T) {
	it := interp.New(interp.Options{Stdout: io.Discard})
	defer it.Close()
	if _, err := it.ExecFile(context.Background(), "f.star", `
def f(l, d):
    r = []
    try_(lambda: l.append(1), except_={RuntimeError: lambda e: r.append(str(e))})
    try_(lambda: d.update(a = 1), except_={RuntimeError: lambda e: r.append(str(e))})
    return r
`); err != nil {
		t.Fatal(err)
	}
	got, err := it.Call(context.Background(), "f", []int{1}, map[string]int{})
	if err != nil {
		t.Fatal(err)
	}
	if l := got.([]any); len(l) != 2 {
		t.Errorf("got %v, want two RuntimeErrors", got)
	}
}

const swallowSrc = `
def spin():
    while True:
        pass
def swallow_spin():
    while True:
        try_(spin, except_={BaseException: lambda e: None})
def swallow_sleep():
    while True:
        try_(lambda: await_(asyncio.sleep(1)), except_={BaseException: lambda e: None})
def quick(x):
    return x + 1
swallow_sleep = asyncio.coroutine(swallow_sleep)
`

// TestCallDeadlineSwallowedCancel: a Call whose script swallows every
// cancellation still returns at its deadline plus the grace period, with
// the context's error, and the interpreter serves the next call, with or
// without RunForever.
func TestCallDeadlineSwallowedCancel(t *testing.T) {
	for _, hosted := range []bool{false, true} {
		t.Run(fmt.Sprintf("hosted=%v", hosted), func(t *testing.T) {
			defer goleak.VerifyNone(t)
			it := interp.New(interp.Options{Stdout: io.Discard, CancelGrace: 50 * time.Millisecond})
			if _, err := it.ExecFile(context.Background(), "s.star", swallowSrc); err != nil {
				t.Fatal(err)
			}
			var runDone chan error
			if hosted {
				runDone = make(chan error, 1)
				go func() { runDone <- it.RunForever(context.Background()) }()
			}
			for _, fn := range []string{"swallow_spin", "swallow_sleep"} {
				within(t, 10*time.Second, fn, func() {
					ctx, cancel := context.WithTimeout(context.Background(), 100*time.Millisecond)
					defer cancel()
					if _, err := it.Call(ctx, fn); !errors.Is(err, context.DeadlineExceeded) {
						t.Errorf("%s: got %v, want DeadlineExceeded", fn, err)
					}
				})
				within(t, 10*time.Second, "quick", func() {
					if got, err := it.Call(context.Background(), "quick", 1); err != nil || got != int64(2) {
						t.Errorf("after %s: got %v, %v", fn, got, err)
					}
				})
			}
			within(t, 10*time.Second, "Close", func() { it.Close() })
			if hosted {
				if err := <-runDone; err != nil {
					t.Errorf("RunForever: %v", err)
				}
			}
		})
	}
}

// TestExecFileDeadlineThenCall: a context that ends an ExecFile stops
// only that run: a later Call with a fresh context works.
func TestExecFileDeadlineThenCall(t *testing.T) {
	for _, hosted := range []bool{false, true} {
		t.Run(fmt.Sprintf("hosted=%v", hosted), func(t *testing.T) {
			defer goleak.VerifyNone(t)
			it := interp.New(interp.Options{Stdout: io.Discard})
			if _, err := it.ExecFile(context.Background(), "s.star", swallowSrc); err != nil {
				t.Fatal(err)
			}
			runDone := make(chan error, 1)
			if hosted {
				go func() { runDone <- it.RunForever(context.Background()) }()
			}
			ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
			defer cancel()
			within(t, 10*time.Second, "ExecFile", func() {
				if _, err := it.ExecFile(ctx, "spin.star", swallowSrc+"swallow_spin()\n"); !errors.Is(err, context.DeadlineExceeded) {
					t.Errorf("got %v", err)
				}
			})
			within(t, 10*time.Second, "Call", func() {
				if got, err := it.Call(context.Background(), "quick", 1); err != nil || got != int64(2) {
					t.Errorf("after the deadline: got %v, %v", got, err)
				}
			})
			within(t, 10*time.Second, "Close", func() { it.Close() })
			if hosted {
				<-runDone
			}
		})
	}
}

// TestCloseStopsRunningCode: Close while code runs stops it (cancel, then
// abort after the grace period), waits for it and returns; a Call cut off
// fails with ErrClosed; RunForever returns.
func TestCloseStopsRunningCode(t *testing.T) {
	defer goleak.VerifyNone(t)
	t.Run("ExecFile", func(t *testing.T) {
		it := interp.New(interp.Options{Stdout: io.Discard, CancelGrace: 20 * time.Millisecond})
		done := make(chan error, 1)
		go func() {
			_, err := it.ExecFile(context.Background(), "spin.star", swallowSrc+"swallow_spin()\n")
			done <- err
		}()
		waitRunning(t, it)
		within(t, 10*time.Second, "Close", func() { it.Close() })
		// Close waited for the run to end; ExecFile returns right after
		// (its goroutine may not have sent yet), not 10 s later.
		select {
		case err := <-done:
			if !errors.Is(err, interp.ErrClosed) {
				t.Errorf("ExecFile: got %v, want ErrClosed", err)
			}
		case <-time.After(time.Second):
			t.Error("ExecFile still runs a second after Close returned")
		}
	})
	t.Run("Call", func(t *testing.T) {
		it := interp.New(interp.Options{Stdout: io.Discard, CancelGrace: 20 * time.Millisecond})
		if _, err := it.ExecFile(context.Background(), "s.star", swallowSrc); err != nil {
			t.Fatal(err)
		}
		runDone := make(chan error, 1)
		go func() { runDone <- it.RunForever(context.Background()) }()
		callDone := make(chan error, 1)
		go func() {
			_, err := it.Call(context.Background(), "swallow_sleep")
			callDone <- err
		}()
		waitRunning(t, it)
		within(t, 10*time.Second, "Close", func() { it.Close() })
		within(t, 10*time.Second, "RunForever", func() { <-runDone })
		within(t, 10*time.Second, "Call", func() {
			if err := <-callDone; !errors.Is(err, interp.ErrClosed) {
				t.Errorf("Call: got %v, want ErrClosed", err)
			}
		})
	})
}

// waitRunning waits until the interpreter's DumpTasks shows a pending task
// or top-level code runs (a dump that is not written at once).
func waitRunning(t *testing.T, it *interp.Interp) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for time.Now().Before(deadline) {
		var b strings.Builder
		select {
		case <-it.DumpTasks(&b):
			if b.Len() > 0 {
				return
			}
		case <-time.After(20 * time.Millisecond):
			return // not written at once: code runs
		}
		runtime.Gosched()
		time.Sleep(time.Millisecond)
	}
	t.Fatal("the script never started")
}

// TestStartRace: Call, Stop and Close made right after `go RunForever`
// behave as they do once it runs: the Call honours its deadline, Stop
// makes RunForever return, Close ends everything. Run many times.
func TestStartRace(t *testing.T) {
	defer goleak.VerifyNone(t)
	n := 2000
	if testing.Short() {
		n = 200
	}
	deadline := time.Now().Add(20 * time.Second)
	i := 0
	defer func() { t.Logf("%d runs", i) }()
	for ; i < n && time.Now().Before(deadline); i++ {
		it := interp.New(interp.Options{Stdout: io.Discard})
		if _, err := it.ExecFile(context.Background(), "q.star", swallowSrc); err != nil {
			t.Fatal(err)
		}
		runDone := make(chan error, 1)
		go func() { runDone <- it.RunForever(context.Background()) }()
		switch i % 3 {
		case 0:
			ctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
			got, err := it.Call(ctx, "quick", 1)
			cancel()
			if err != nil || got != int64(2) {
				t.Fatalf("run %d: Call: %v, %v", i, got, err)
			}
			it.Stop()
		case 1:
			it.Stop()
		case 2:
		}
		if i%3 == 2 {
			it.Close() // stops RunForever, whether it started or not
		}
		select {
		case <-runDone:
		case <-time.After(10 * time.Second):
			t.Fatalf("run %d: RunForever did not return", i)
		}
		it.Close()
	}
}

// TestMemoryLimitNotPermanent: passing the memory bound stops the run
// in flight; once the heap is back under it, the next call works.
func TestMemoryLimitNotPermanent(t *testing.T) {
	defer goleak.VerifyNone(t)
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	limit := int64(ms.HeapAlloc) + 64<<20
	it := interp.New(interp.Options{Stdout: io.Discard, MaxMemory: limit})
	defer it.Close()
	if _, err := it.ExecFile(context.Background(), "m.star", `
def bomb():
    l = []
    while True:
        l.append("x" * 1000)
def quick(x):
    return x + 1
`); err != nil {
		t.Fatal(err)
	}
	within(t, 30*time.Second, "bomb", func() {
		if _, err := it.Call(context.Background(), "bomb"); !errors.Is(err, interp.ErrMemoryLimit) {
			t.Errorf("bomb: got %v, want ErrMemoryLimit", err)
		}
	})
	runtime.GC()
	within(t, 10*time.Second, "quick", func() {
		if got, err := it.Call(context.Background(), "quick", 1); err != nil || got != int64(2) {
			t.Errorf("after the bomb: %v, %v", got, err)
		}
	})
}

// TestOneMemorySampler: a hundred interpreters with a memory bound share
// one sampler goroutine, gone when the last closes.
func TestOneMemorySampler(t *testing.T) {
	defer goleak.VerifyNone(t)
	before := runtime.NumGoroutine()
	var its []*interp.Interp
	for i := 0; i < 100; i++ {
		its = append(its, interp.New(interp.Options{MaxMemory: 1 << 40}))
	}
	if got := runtime.NumGoroutine() - before; got > 1 {
		t.Errorf("%d goroutines for 100 bounded interpreters, want 1", got)
	}
	for _, it := range its {
		it.Close()
	}
}

// TestHostCauseOnCallDeadline: a host function awaited by a Call whose
// deadline passes always sees context.DeadlineExceeded.
func TestHostCauseOnCallDeadline(t *testing.T) {
	defer goleak.VerifyNone(t)
	causes := make(chan error, 1000) // room for every try's cause: none blocks
	var started atomic.Int32
	wait := interp.AsyncFunc("wait", func(ctx context.Context, _ starlark.Tuple, _ []starlark.Tuple) (starlark.Value, error) {
		started.Add(1)
		<-ctx.Done()
		causes <- ctx.Err()
		return nil, ctx.Err()
	})
	it := interp.New(interp.Options{Stdout: io.Discard, Predeclared: starlark.StringDict{"wait": wait}})
	defer it.Close()
	if _, err := it.ExecFile(context.Background(), "w.star", "def f():\n    await_(wait())\nf = asyncio.coroutine(f)\n"); err != nil {
		t.Fatal(err)
	}
	// A deadline that passes before the host function starts ends the
	// call without it (a loaded machine): only calls that reached it count.
	seen := 0
	for i := 0; i < 500 && seen < 20; i++ {
		before := started.Load()
		ctx, cancel := context.WithTimeout(context.Background(), time.Millisecond)
		it.Call(ctx, "f")
		cancel()
		if started.Load() == before {
			continue
		}
		seen++
		select {
		case got := <-causes:
			if got != context.DeadlineExceeded {
				t.Fatalf("call %d: host function saw %v, want DeadlineExceeded", i, got)
			}
		case <-time.After(10 * time.Second):
			t.Fatalf("call %d: the host function did not return within 10 s of its deadline", i)
		}
	}
	if seen == 0 {
		t.Fatal("no call reached the host function within its 1 ms deadline in 500 tries")
	}
}

// TestAsyncFuncIsCoroutine: a host function's call is a coroutine, which
// create_task, gather and wait_for accept, as a Python async def's is.
func TestAsyncFuncIsCoroutine(t *testing.T) {
	defer goleak.VerifyNone(t)
	out := &strings.Builder{}
	var mu sync.Mutex
	it := interp.New(interp.Options{Stdout: syncWriter{out, &mu}, Predeclared: starlark.StringDict{"double": double}})
	defer it.Close()
	if _, err := it.ExecFile(context.Background(), "a.star", `
def main():
    c = double(1)
    print(type(c))
    t = asyncio.create_task(double(2))
    print(await_(t), await_(asyncio.gather(double(3), double(4))), await_(asyncio.wait_for(double(5), 10)), await_(c))
asyncio.run(asyncio.coroutine(main)())
`); err != nil {
		t.Fatal(err)
	}
	if got, want := out.String(), "coroutine\n4 [6, 8] 10 2\n"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

type syncWriter struct {
	b  *strings.Builder
	mu *sync.Mutex
}

func (w syncWriter) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.b.Write(p)
}

// FuzzConvert converts arbitrary script values to Go and back, and Go
// values made from them to Starlark: no input panics or hangs.
func FuzzConvert(f *testing.F) {
	for _, s := range []string{
		"[1, 2, (3,)]", "{None: 1, (1, None): [2]}", "l = []; l.append(l); l", "d = {}; d[1] = d; d",
		`struct(a = [1], b = {"x": b"y"})`, "1 << 100", "set([1, 2])", "[[[[[]]]]]", `{"k": 1.5, 2: True}`,
		"x = [1]; [x, x]",
	} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, src string) {
		it := interp.New(interp.Options{Stdout: io.Discard, MaxSteps: 100_000})
		defer it.Close()
		ctx, cancel := context.WithTimeout(context.Background(), 2*time.Second)
		defer cancel()
		lines := strings.Split(src, ";")
		lines[len(lines)-1] = "v = " + lines[len(lines)-1]
		g, err := it.ExecFile(ctx, "f.star", strings.Join(lines, "\n"))
		if err != nil || g["v"] == nil {
			return
		}
		gv, err := interp.FromStarlark(g["v"])
		if err != nil {
			return
		}
		sv, err := interp.ToStarlark(gv)
		if err != nil {
			t.Fatalf("ToStarlark of FromStarlark's %#v: %v", gv, err)
		}
		if _, err := interp.FromStarlark(sv); err != nil {
			t.Fatalf("round trip of %s: %v", sv, err)
		}
		var dst any
		if err := interp.Decode(sv, &dst); err != nil {
			t.Fatalf("Decode into any: %v", err)
		}
	})
}

// TestFutureDoneMatchesDumpTasks: a cancelled Future is not Done while
// its task still runs its cleanup (DumpTasks shows it), and is Done once
// the task has finished.
func TestFutureDoneMatchesDumpTasks(t *testing.T) {
	defer goleak.VerifyNone(t)
	it := interp.New(interp.Options{Stdout: io.Discard})
	defer it.Close()
	g, err := it.ExecFile(context.Background(), "f.star", `
def cleanup(e):
    await_(asyncio.sleep(0.2))
def slow_cleanup():
    try_(lambda: await_(asyncio.sleep(3600)), except_={asyncio.CancelledError: cleanup})
slow_cleanup = asyncio.coroutine(slow_cleanup)
`)
	if err != nil {
		t.Fatal(err)
	}
	// Cancelled before the loop runs: not done until its task has run.
	early, err := it.RunCoroutineThreadsafe(g["slow_cleanup"].(starlark.Callable))
	if err != nil {
		t.Fatal(err)
	}
	early.Cancel()
	if early.Done() {
		t.Error("Done() is true for a task that has not run yet")
	}
	runDone := make(chan error, 1)
	go func() { runDone <- it.RunForever(context.Background()) }()
	within(t, 10*time.Second, "early", func() {
		early.Result(context.Background())
		for !early.Done() {
			time.Sleep(time.Millisecond)
		}
	})
	f, err := it.RunCoroutineThreadsafe(g["slow_cleanup"].(starlark.Callable))
	if err != nil {
		t.Fatal(err)
	}
	dump := func() string {
		var b strings.Builder
		<-it.DumpTasks(&b)
		return b.String()
	}
	within(t, 10*time.Second, "start", func() {
		for !strings.Contains(dump(), "slow_cleanup") {
			time.Sleep(time.Millisecond)
		}
	})
	f.Cancel()
	if f.Done() && strings.Contains(dump(), "slow_cleanup") {
		t.Error("Done() is true while DumpTasks shows the task running")
	}
	within(t, 10*time.Second, "finish", func() {
		f.Result(context.Background())
		for !f.Done() {
			time.Sleep(time.Millisecond)
		}
	})
	if d := dump(); strings.Contains(d, "slow_cleanup") {
		t.Errorf("Done() is true, but DumpTasks shows:\n%s", d)
	}
	it.Close()
	<-runDone
}
