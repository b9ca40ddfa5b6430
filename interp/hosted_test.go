package interp_test

import (
	"context"
	"errors"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/asyncrun/asyncrun/interp"
	"go.starlark.net/starlark"
)

// hosted is an interpreter whose loop runs in the background, with a
// prompt's globals.
type hosted struct {
	t       *testing.T
	it      *interp.Interp
	globals starlark.StringDict
	stop    func()
}

func startHosted(t *testing.T, opts interp.Options) *hosted {
	t.Helper()
	if opts.Stdout == nil {
		opts.Stdout = io.Discard
	}
	h := &hosted{t: t, it: interp.New(opts), globals: starlark.StringDict{}}
	for k, v := range h.it.Predeclared() {
		h.globals[k] = v
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- h.it.RunForever(ctx) }()
	h.stop = func() {
		h.it.CancelTasks(5 * time.Second)
		cancel()
		<-done
		h.it.Close()
	}
	return h
}

// exec runs src as a chunk on the running loop and returns the repr of its
// value, or the error's first line.
func (h *hosted) exec(ctx context.Context, src string) string {
	h.t.Helper()
	opts := interp.FileOptions()
	opts.LoadBindsGlobally = true
	f, err := opts.Parse("<stdin>", src, 0)
	if err != nil {
		h.t.Fatal(err)
	}
	repr, err := h.it.ExecChunkThreadsafe(ctx, f, h.globals)
	if err != nil {
		return err.Error()
	}
	return repr
}

// TestUnwedgeHostedLoop: a chunk that starts a task spinning without
// awaiting still returns; the next chunk cannot start, and cancelled before
// it starts it never runs; KeyboardInterruptRunning interrupts the spinning
// task (and no other), and the loop runs chunks again.
func TestUnwedgeHostedLoop(t *testing.T) {
	spinning := make(chan struct{})
	h := startHosted(t, interp.Options{Predeclared: starlark.StringDict{
		"spinning": starlark.NewBuiltin("spinning", func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error) {
			close(spinning)
			return starlark.None, nil
		}),
	}})
	defer h.stop()
	bg := context.Background()
	h.exec(bg, `
def waiter():
    await_(asyncio.sleep(3600))
w = asyncio.ensure_future(asyncio.coroutine(waiter)())
def spin():
    spinning()
    while True:
        pass
t = asyncio.ensure_future(asyncio.coroutine(spin)())
`)
	<-spinning
	ctx, cancel := context.WithCancel(bg)
	got := make(chan string)
	go func() { got <- h.exec(ctx, "ran = True") }()
	cancel()
	if s := <-got; !strings.Contains(s, "interrupted") {
		t.Errorf("a chunk cancelled before it started: got %q", s)
	}
	if !h.it.KeyboardInterruptRunning() {
		t.Fatal("KeyboardInterruptRunning: no code running")
	}
	if got, want := h.exec(bg, "t.done(), type(t.exception()).__name__, w.done()"), `(True, 'KeyboardInterrupt', False)`; got != want {
		t.Errorf("got %s, want %s", got, want)
	}
	if got := h.exec(bg, "ran"); !strings.Contains(got, "undefined: ran") {
		t.Errorf("the cancelled chunk ran: ran is %s", got)
	}
	idle := make(chan struct{})
	h.it.OnLoop(func() { close(idle) })
	<-idle
	if h.it.KeyboardInterruptRunning() {
		t.Error("KeyboardInterruptRunning on an idle loop reported code running")
	}
}

// TestStepsPerRun: with StepsPerRun, MaxSteps bounds each run and each
// submission; one that spends its budget fails with ErrStepLimit, alone,
// and the interpreter goes on.
func TestStepsPerRun(t *testing.T) {
	const work = "def work():\n    for i in range(10000):\n        pass\n    return 'worked'\n" // about 60,000 steps
	opts := interp.Options{MaxSteps: 100_000, StepsPerRun: true, Stdout: io.Discard}
	it := interp.New(opts)
	for i := 0; i < 3; i++ {
		if _, err := it.ExecFile(context.Background(), "work.star", work+"work()\n"); err != nil {
			t.Fatalf("run %d: %v", i, err)
		}
	}
	if _, err := it.ExecFile(context.Background(), "spin.star", "while True:\n    pass\n"); !errors.Is(err, interp.ErrStepLimit) {
		t.Fatalf("a run spending its budget: got %v, want ErrStepLimit", err)
	}
	if _, err := it.ExecFile(context.Background(), "work.star", work+"work()\n"); err != nil {
		t.Fatalf("a run after one spent its budget: %v", err)
	}
	it.Close()

	h := startHosted(t, opts)
	defer h.stop()
	bg := context.Background()
	h.exec(bg, work+`
def tick():
    while True:
        await_(asyncio.sleep(0.001))
ticker = asyncio.ensure_future(asyncio.coroutine(tick)())
def spin():
    while True:
        await_(asyncio.sleep(0))
`)
	for i := 0; i < 3; i++ {
		if got := h.exec(bg, "work()"); got != `'worked'` {
			t.Fatalf("submission %d: %s", i, got)
		}
	}
	for _, src := range []string{
		"while True:\n    pass\n",
		"try_(lambda: await_(asyncio.gather(*[asyncio.coroutine(spin)() for i in range(3)])), except_={asyncio.CancelledError: lambda e: 'swallowed'})",
	} {
		if got := h.exec(bg, src); got != "too many steps" {
			t.Errorf("%q: got %s, want too many steps", src, got)
		}
	}
	if got, want := h.exec(bg, "await_(asyncio.sleep(0.01)) or (ticker.done(), len(asyncio.all_tasks()))"), "(False, 2)"; got != want {
		t.Errorf("after the limit: (ticker.done(), tasks) = %s, want %s", got, want)
	}
}

// TestDumpTasksHosted: while RunForever runs, DumpTasks is answered by the
// loop between callbacks, with the tasks as they are; a dump asked before
// CancelTasks shows them before they are cancelled.
func TestDumpTasksHosted(t *testing.T) {
	h := startHosted(t, interp.Options{})
	defer h.stop()
	h.exec(context.Background(), `
def idle():
    await_(asyncio.sleep(3600))
t = asyncio.create_task(asyncio.coroutine(idle)(), name="idler")
`)
	var b strings.Builder
	done := h.it.DumpTasks(&b)
	h.it.CancelTasks(5 * time.Second)
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("the loop never wrote the dump")
	}
	want := "* Task(name='idler', id=0x"
	if got := b.String(); !strings.HasPrefix(got, want) || !strings.Contains(got, "line 3, in async idle()\n") {
		t.Errorf("got the dump\n%s\nwant the idle task waiting", got)
	}
	var after strings.Builder
	<-h.it.DumpTasks(&after)
	if after.String() != "" {
		t.Errorf("after CancelTasks, got the dump\n%s\nwant none", after.String())
	}
}
