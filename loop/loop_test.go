package loop

import (
	"errors"
	"fmt"
	"math"
	"strings"
	"testing"
	"time"

	"go.uber.org/goleak"
)

func newVirtual() *Loop { return New(Options{Clock: NewClock(true)}) }

func mustTask(t testing.TB, l *Loop, name string, body Body) *Task {
	t.Helper()
	task, err := NewTask(l, name, body)
	if err != nil {
		t.Fatal(err)
	}
	return task
}

func TestCallSoonFIFOAndBatches(t *testing.T) {
	defer goleak.VerifyNone(t)
	l := newVirtual()
	var log []string
	l.CallSoon(func() {
		log = append(log, "a")
		l.CallSoon(func() { log = append(log, "c") })
	})
	l.CallSoon(func() { log = append(log, "b"); l.Stop() })
	if err := l.RunForever(); err != nil {
		t.Fatal(err)
	}
	if got, want := strings.Join(log, ""), "ab"; got != want {
		t.Errorf("after stop: got %q, want %q (stop lets the current batch finish only)", got, want)
	}
	l.Stop()
	l.RunForever()
	if got, want := strings.Join(log, ""), "abc"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	l.Close()
}

func TestTimersEqualDeadlinesInCreationOrder(t *testing.T) {
	l := newVirtual()
	var log []string
	for _, s := range []string{"x", "y", "z"} {
		l.CallLater(1, func() { log = append(log, s) })
	}
	l.CallLater(0.5, func() { log = append(log, "early") })
	h, _ := l.CallLater(1, func() { log = append(log, "cancelled") })
	h.Cancel()
	l.CallLater(2, l.Stop)
	l.RunForever()
	if got, want := strings.Join(log, " "), "early x y z"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	if got := l.Time(); got != 2 {
		t.Errorf("virtual time: got %v, want 2", got)
	}
	l.Close()
}

func TestTasksInterleaveOnSleep0(t *testing.T) {
	defer goleak.VerifyNone(t)
	l := newVirtual()
	var log []string
	body := func(name string) Body {
		return func(task *Task) (any, error) {
			for i := 0; i < 3; i++ {
				log = append(log, fmt.Sprint(name, i))
				if _, err := Sleep(task, 0, nil); err != nil {
					return nil, err
				}
			}
			return name, nil
		}
	}
	a := mustTask(t, l, "A", body("a"))
	b := mustTask(t, l, "B", body("b"))
	g := Gather(l, []*Future{&a.Future, &b.Future}, false)
	v, err := l.RunUntilComplete(g)
	if err != nil {
		t.Fatal(err)
	}
	if got, want := strings.Join(log, " "), "a0 b0 a1 b1 a2 b2"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	if got := fmt.Sprint(v); got != "[a b]" {
		t.Errorf("gather result: got %s, want [a b]", got)
	}
	l.Close()
}

func TestCancelSleepingTask(t *testing.T) {
	defer goleak.VerifyNone(t)
	l := newVirtual()
	var sawErr error
	task := mustTask(t, l, "T", func(task *Task) (any, error) {
		_, err := Sleep(task, 10, nil)
		sawErr = err
		return nil, err
	})
	l.CallLater(1, func() { task.Cancel("stop") })
	_, err := l.RunUntilComplete(&task.Future)
	if !IsCancellation(err) {
		t.Fatalf("got %v, want a cancellation", err)
	}
	if !IsCancellation(sawErr) || !task.Cancelled() {
		t.Errorf("body saw %v; cancelled=%v", sawErr, task.Cancelled())
	}
	if got := l.Time(); got != 1 {
		t.Errorf("time: got %v, want 1", got)
	}
	l.Close()
}

func TestCancelBeforeFirstStepNeverRunsBody(t *testing.T) {
	l := newVirtual()
	ran := false
	task := mustTask(t, l, "T", func(*Task) (any, error) { ran = true; return nil, nil })
	task.Cancel(nil)
	l.RunUntilComplete(&task.Future)
	if ran || !task.Cancelled() {
		t.Errorf("ran=%v cancelled=%v, want false true", ran, task.Cancelled())
	}
	l.Close()
}

func TestDeadlockReported(t *testing.T) {
	defer goleak.VerifyNone(t)
	l := newVirtual()
	f := NewFuture(l)
	task := mustTask(t, l, "stuck", func(task *Task) (any, error) { return task.Await(f) })
	_, err := l.RunUntilComplete(&task.Future)
	de, ok := err.(*DeadlockError)
	if !ok || len(de.Pending) != 1 {
		t.Fatalf("got %v, want a DeadlockError with one task", err)
	}
	var msgs []string
	l.SetExceptionHandler(func(c ExceptionContext) { msgs = append(msgs, c.Message) })
	l.Close()
	if len(msgs) != 1 || msgs[0] != "Task was destroyed but it is pending!" {
		t.Errorf("close reports: got %q", msgs)
	}
}

func TestWaitForTimesOut(t *testing.T) {
	defer goleak.VerifyNone(t)
	l := newVirtual()
	var log []string
	inner := mustTask(t, l, "inner", func(task *Task) (any, error) {
		_, err := Sleep(task, 5, nil)
		log = append(log, "inner saw cancel")
		return nil, err
	})
	outer := mustTask(t, l, "outer", func(task *Task) (any, error) {
		_, err := WaitFor(task, &inner.Future, 1)
		log = append(log, fmt.Sprint("outer got ", err))
		return nil, nil
	})
	l.RunUntilComplete(&outer.Future)
	if got, want := strings.Join(log, "; "), "inner saw cancel; outer got TimeoutError"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
	l.Close()
}

func TestThreadsafeFromOtherGoroutine(t *testing.T) {
	defer goleak.VerifyNone(t)
	l := New(Options{})
	f := NewFuture(l)
	l.AddExternal()
	go func() {
		l.CallSoonThreadsafe(func() { f.SetResult(42) })
		l.DoneExternal()
	}()
	v, err := l.RunUntilComplete(f)
	if err != nil || v != 42 {
		t.Errorf("got %v, %v; want 42", v, err)
	}
	l.Close()
}

// TestConcurrentFutureCompletedOn: a concurrent future that Chain completes
// tells its callbacks which loop's goroutine they run on; one completed by
// any other goroutine says none.
func TestConcurrentFutureCompletedOn(t *testing.T) {
	l := newVirtual()
	var on []*Loop
	record := func(c *ConcurrentFuture) { on = append(on, c.CompletedOn()) }
	chained := l.RunCoroutineThreadsafe(func() (*Future, error) {
		f := NewFuture(l)
		l.CallSoon(func() { f.SetResult(1) })
		return f, nil
	})
	chained.AddDoneCallback(record)
	other := NewConcurrentFuture()
	other.AddDoneCallback(record)
	done := make(chan struct{})
	go func() { other.SetResult(2); close(done) }()
	<-done
	stop := NewFuture(l)
	l.CallLater(1, func() { stop.SetResult(nil) })
	l.RunUntilComplete(stop)
	l.Close()
	if len(on) != 2 || on[0] != nil || on[1] != l {
		t.Errorf("CompletedOn seen by the callbacks: %v; want [nil (another goroutine), the loop (Chain)]", on)
	}
}

func BenchmarkTaskSwitch(b *testing.B) {
	l := newVirtual()
	task, _ := NewTask(l, "bench", func(task *Task) (any, error) {
		for i := 0; i < b.N; i++ {
			if err := task.Yield(); err != nil {
				return nil, err
			}
		}
		return nil, nil
	})
	b.ReportAllocs()
	b.ResetTimer()
	l.RunUntilComplete(&task.Future)
	l.Close()
}

func BenchmarkTaskCreate(b *testing.B) {
	l := newVirtual()
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		t, _ := NewTask(l, "t", func(*Task) (any, error) { return nil, nil })
		l.RunUntilComplete(&t.Future)
	}
	l.Close()
}

func BenchmarkDoneCallback(b *testing.B) {
	l := newVirtual()
	n := 0
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		f := NewFuture(l)
		f.AddDoneCallback(func(*Future) { n++ }, nil)
		f.SetResult(i)
		if i%1024 == 1023 {
			l.RunUntilComplete(readyFuture(l))
		}
	}
	l.RunUntilComplete(readyFuture(l))
	if n != b.N {
		b.Fatalf("%d callbacks ran, want %d", n, b.N)
	}
	l.Close()
}

func BenchmarkTimer(b *testing.B) {
	l := newVirtual()
	n := 0
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		l.CallLater(float64(i%1000)/1000, func() { n++ })
		if i%1024 == 1023 {
			l.RunUntilComplete(after(l, 1))
		}
	}
	l.RunUntilComplete(after(l, 1))
	if n != b.N {
		b.Fatalf("%d timers ran, want %d", n, b.N)
	}
	l.Close()
}

func after(l *Loop, d float64) *Future {
	f := NewFuture(l)
	l.CallLater(d, func() { f.SetResult(nil) })
	return f
}

func readyFuture(l *Loop) *Future {
	f := NewFuture(l)
	f.SetResult(nil)
	return f
}

// TestWorkersReused: a task that starts after another ended runs on the
// same goroutine, and closing the loop ends the idle ones.
func TestWorkersReused(t *testing.T) {
	defer goleak.VerifyNone(t)
	l := newVirtual()
	for i := 0; i < 10; i++ {
		task, _ := NewTask(l, "t", func(task *Task) (any, error) { return nil, task.Yield() })
		if _, err := l.RunUntilComplete(&task.Future); err != nil {
			t.Fatal(err)
		}
	}
	if n := len(l.idleWorkers); n != 1 {
		t.Errorf("%d idle workers after 10 tasks in a row, want 1", n)
	}
	l.Close()
	if len(l.idleWorkers) != 0 {
		t.Error("idle workers left after Close")
	}
}

// TestVirtualYears: under virtual time, timers far in the future (loop
// times past 2^24 s, where adding the clock's resolution to the time
// changes nothing) still fire, in order.
func TestVirtualYears(t *testing.T) {
	l := New(Options{Clock: NewClock(true)})
	defer l.Close()
	var fired []float64
	day := 86400.0
	var tick func()
	tick = func() {
		fired = append(fired, l.Time())
		if len(fired) < 3*365 {
			l.CallLater(day, tick)
		}
	}
	l.CallLater(day, tick)
	done := NewFuture(l)
	l.CallLater(4*365*day, func() { done.SetResult(nil) })
	if _, err := l.RunUntilComplete(done); err != nil {
		t.Fatal(err)
	}
	if len(fired) != 3*365 || fired[len(fired)-1] != 3*365*day {
		t.Errorf("got %d ticks, the last at %v, want %d, the last at %v", len(fired), fired[len(fired)-1], 3*365, 3*365*day)
	}
	if y := l.clock.Wall().Sub(l.clock.start).Hours() / 24; y != 4*365 {
		t.Errorf("wall clock moved %v days, want %v", y, 4*365)
	}
}

// TestSleepForever: a timer at +Inf never fires: under virtual time the
// clock does not jump to it, and with nothing else to do the loop reports
// a deadlock instead of spinning.
func TestSleepForever(t *testing.T) {
	for _, virtual := range []bool{true, false} {
		l := New(Options{Clock: NewClock(virtual)})
		f := NewFuture(l)
		l.CallLater(math.Inf(1), func() { f.SetResult("fired") })
		_, err := l.RunUntilComplete(f)
		if !errors.Is(err, ErrDeadlock) {
			t.Errorf("virtual=%v: got %v, want a deadlock", virtual, err)
		}
		if now := l.Time(); virtual && now != 0 {
			t.Errorf("virtual clock jumped to %v", now)
		}
		l.Close()
	}
}

// TestFarTimerIdles: in real time, a loop whose next timer is 1e10 s away
// (or at +Inf) waits without spinning: 200 ms of waiting take little CPU.
func TestFarTimerIdles(t *testing.T) {
	l := New(Options{})
	defer l.Close()
	l.CallLater(1e10, func() {})
	l.CallLater(math.Inf(1), func() {})
	f := NewFuture(l)
	l.AddExternal()
	time.AfterFunc(200*time.Millisecond, func() {
		l.CallSoonThreadsafe(func() { f.SetResult(nil) })
		l.DoneExternal()
	})
	before := cpuTime()
	if _, err := l.RunUntilComplete(f); err != nil {
		t.Fatal(err)
	}
	if used := cpuTime() - before; used > 50*time.Millisecond {
		t.Errorf("waiting 200 ms for a far timer used %v of CPU, want almost none", used)
	}
}

// TestCancelCycleOfWaiters: cancelling a task whose waiters lead back to it
// (it awaits a gather of itself; two tasks await each other) returns: the
// cancel that comes back to a task being cancelled returns false, where it
// would recurse until the Go stack overflowed (CPython's recurses until
// RecursionError). The tasks are left deadlocked, as in CPython.
func TestCancelCycleOfWaiters(t *testing.T) {
	defer goleak.VerifyNone(t)
	l := newVirtual()
	var g *Future
	a := mustTask(t, l, "A", func(task *Task) (any, error) { return task.Await(g) })
	g = Gather(l, []*Future{&a.Future}, false)
	var c *Task
	b := mustTask(t, l, "B", func(task *Task) (any, error) { return task.Await(&c.Future) })
	c = mustTask(t, l, "C", func(task *Task) (any, error) { return task.Await(&b.Future) })
	start := mustTask(t, l, "start", func(task *Task) (any, error) { return nil, task.Yield() })
	l.RunUntilComplete(&start.Future) // A, B and C are suspended
	for _, task := range []*Task{a, b} {
		if !task.Cancel("why") {
			t.Errorf("%s.Cancel: got false, want true", task.Name())
		}
	}
	for _, task := range []*Task{a, b, c} {
		if got := task.Cancelling(); got != 1 {
			t.Errorf("%s.Cancelling(): got %d, want 1", task.Name(), got)
		}
	}
	if _, err := l.RunUntilComplete(g); !errors.As(err, new(*DeadlockError)) {
		t.Errorf("awaiting the gather: got %v, want a DeadlockError", err)
	}
	l.SetExceptionHandler(func(ExceptionContext) {})
	l.Close()
}
