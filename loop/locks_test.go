package loop

import (
	"errors"
	"fmt"
	"strings"
	"testing"

	"go.uber.org/goleak"
)

// A scene is one scenario of the ordering tests: a main task on a loop with
// a virtual clock, as asyncio.run(main()), and the log its tasks write. The
// wants are the lines CPython 3.11 prints for the same scenarios: their
// twin testdata/cpython_sync.py prints "name: log" for each, and its output
// is the golden file testdata/cpython_sync.out (TestCPythonSyncTwin checks
// that it still is; go test -run TestCPythonSyncTwin -update rewrites it
// from CPython's output).
type scene struct {
	t   *testing.T
	l   *Loop
	log []string
}

func (s *scene) logf(format string, args ...any) {
	s.log = append(s.log, fmt.Sprintf(format, args...))
}

func (s *scene) spawn(name string, body Body) *Task { return mustTask(s.t, s.l, name, body) }

// spawnAll spawns body(name) for each letter of names.
func (s *scene) spawnAll(names string, body func(name string) Body) []*Task {
	var ts []*Task
	for _, n := range names {
		ts = append(ts, s.spawn(string(n), body(string(n))))
	}
	return ts
}

// gather is `await asyncio.gather(*ts, return_exceptions=True)`.
func (s *scene) gather(m *Task, ts ...*Task) error {
	futs := make([]*Future, len(ts))
	for i, t := range ts {
		futs[i] = &t.Future
	}
	_, err := m.Await(Gather(s.l, futs, true))
	return err
}

// runScene runs main as the main task of a new loop and returns the log.
func runScene(t *testing.T, main func(s *scene, m *Task) error) string {
	t.Helper()
	l := newVirtual()
	s := &scene{t: t, l: l}
	m := mustTask(t, l, "main", func(m *Task) (any, error) { return nil, main(s, m) })
	if _, err := l.RunUntilComplete(&m.Future); err != nil {
		t.Errorf("main: %v", err)
	}
	l.Close()
	return strings.Join(s.log, " ")
}

// py formats a bool as Python prints it.
func py(b bool) string {
	if b {
		return "True"
	}
	return "False"
}

// pyErr formats a loop Error as the twins do: "Kind(message)".
func pyErrString(err error) string {
	var e *Error
	if errors.As(err, &e) {
		return fmt.Sprintf("%s(%s)", e.Kind, e.Msg)
	}
	return err.Error()
}

type sceneCase struct {
	name string
	main func(s *scene, m *Task) error
}

// cpythonSync is the twin of the scenes and its golden file.
const cpythonSyncPy, cpythonSyncOut = "testdata/cpython_sync.py", "testdata/cpython_sync.out"

// cpythonLogs reads the golden file: the log of each scenario, by name.
func cpythonLogs(t *testing.T) map[string]string {
	t.Helper()
	return goldenLogs(t, cpythonSyncOut)
}

func runScenes(t *testing.T, cases []sceneCase) {
	logs := cpythonLogs(t)
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			defer goleak.VerifyNone(t)
			want, ok := logs[c.name]
			if !ok {
				t.Fatalf("%s has no line for %s", cpythonSyncOut, c.name)
			}
			if got := runScene(t, c.main); got != want {
				t.Errorf("got  %s\nwant %s", got, want)
			}
		})
	}
}

// TestCPythonSyncTwin runs the scenes' twin with python3, when it is on the
// PATH, and checks that the golden file is what CPython prints (or, with
// -update, rewrites it). The twin uses no real time (sleep(0) only), so its
// output does not depend on the machine's load. See twin_test.go.
func TestCPythonSyncTwin(t *testing.T) { checkTwin(t, cpythonSyncPy, cpythonSyncOut) }

func TestLocksOrderAsCPython(t *testing.T) {
	runScenes(t, []sceneCase{
		{"lock_fifo_cancel", lockFIFOCancel},
		{"lock_woken_then_cancelled", lockWokenThenCancelled},
		{"event_waiters", eventWaiters},
		{"condition_notify", conditionNotify},
		{"condition_wait_for", conditionWaitFor},
		{"condition_cancelled_while_reacquiring", conditionCancelledWhileReacquiring},
		{"semaphore_fairness", semaphoreFairness},
		{"semaphore_wake_next", semaphoreWakeNext},
		{"barrier_rounds", barrierRounds},
		{"barrier_reset_abort", barrierResetAbort},
		{"barrier_cancel", barrierCancel},
	})
}

// lockFIFOCancel: five tasks contend for a lock; the third is cancelled
// while it waits, and the lock goes to the others in order.
func lockFIFOCancel(s *scene, m *Task) error {
	lock := NewLock(s.l)
	ts := s.spawnAll("abcde", func(name string) Body {
		return func(t *Task) (any, error) {
			s.logf("%s:want", name)
			if err := lock.Acquire(t); err != nil {
				s.logf("%s:cancelled", name)
				return nil, err
			}
			s.logf("%s:got", name)
			if err := t.Yield(); err != nil {
				return nil, err
			}
			lock.Release()
			s.logf("%s:rel", name)
			return nil, nil
		}
	})
	if err := m.Yield(); err != nil {
		return err
	}
	ts[2].Cancel(nil)
	return s.gather(m, ts...)
}

// lockWokenThenCancelled: b is woken by the release and cancelled before it
// runs; it passes the lock on to c, and d, arriving meanwhile, queues behind.
func lockWokenThenCancelled(s *scene, m *Task) error {
	lock := NewLock(s.l)
	ts := map[string]*Task{}
	waiter := func(name string) Body {
		return func(t *Task) (any, error) {
			if err := lock.Acquire(t); err != nil {
				s.logf("%s:cancelled locked=%s", name, py(lock.Locked()))
				return nil, err
			}
			s.logf("%s:got", name)
			if err := t.Yield(); err != nil {
				return nil, err
			}
			return nil, lock.Release()
		}
	}
	ts["a"] = s.spawn("a", func(t *Task) (any, error) {
		if err := lock.Acquire(t); err != nil {
			return nil, err
		}
		s.logf("a:got")
		if err := t.Yield(); err != nil {
			return nil, err
		}
		lock.Release()
		ts["b"].Cancel(nil)
		s.logf("a:rel locked=%s waiters=%d", py(lock.Locked()), lock.Waiters())
		ts["d"] = s.spawn("d", waiter("d"))
		return nil, nil
	})
	ts["b"] = s.spawn("b", waiter("b"))
	ts["c"] = s.spawn("c", waiter("c"))
	if err := s.gather(m, ts["a"], ts["b"], ts["c"]); err != nil {
		return err
	}
	_, err := m.Await(&ts["d"].Future)
	return err
}

func eventWaiters(s *scene, m *Task) error {
	ev := NewEvent(s.l)
	waiter := func(name string) Body {
		return func(t *Task) (any, error) {
			if err := ev.Wait(t); err != nil {
				s.logf("%s:cancelled", name)
				return nil, err
			}
			s.logf("%s:woke", name)
			return nil, nil
		}
	}
	ts := s.spawnAll("abc", waiter)
	if err := m.Yield(); err != nil {
		return err
	}
	ts[1].Cancel(nil)
	if err := m.Yield(); err != nil {
		return err
	}
	s.logf("waiters=%d", ev.Waiters())
	ev.Set()
	ev.Clear()
	s.logf("set+clear")
	if err := s.gather(m, ts...); err != nil {
		return err
	}
	d := s.spawn("d", waiter("d"))
	if err := m.Yield(); err != nil {
		return err
	}
	ev.Set()
	_, err := m.Await(&d.Future)
	return err
}

// with runs body holding lk, as `async with`.
func with(t *Task, acquire func(*Task) error, release func() error, body func() error) error {
	if err := acquire(t); err != nil {
		return err
	}
	err := body()
	if rerr := release(); rerr != nil {
		return rerr
	}
	return err
}

// conditionNotify: notify(2) wakes a and b; b and c are cancelled, c while
// it still waits; both take the lock back before they fail.
func conditionNotify(s *scene, m *Task) error {
	cond := NewCondition(s.l, nil)
	var ts []*Task
	for _, n := range "abcde" {
		name := string(n)
		ts = append(ts, s.spawn(name, func(t *Task) (any, error) {
			return nil, with(t, cond.Acquire, cond.Release, func() error {
				if err := cond.Wait(t); err != nil {
					s.logf("%s:cancelled locked=%s", name, py(cond.Locked()))
					return err
				}
				s.logf("%s:woke", name)
				return nil
			})
		}))
	}
	if err := m.Yield(); err != nil {
		return err
	}
	err := with(m, cond.Acquire, cond.Release, func() error {
		cond.Notify(2)
		s.logf("notify2")
		ts[1].Cancel(nil)
		ts[2].Cancel(nil)
		return nil
	})
	if err != nil {
		return err
	}
	if err := m.Yield(); err != nil {
		return err
	}
	err = with(m, cond.Acquire, cond.Release, func() error {
		s.logf("waiters=%d", cond.Waiters())
		cond.NotifyAll()
		s.logf("notify_all")
		return nil
	})
	if err != nil {
		return err
	}
	return s.gather(m, ts...)
}

func conditionWaitFor(s *scene, m *Task) error {
	cond := NewCondition(s.l, nil)
	state := 0
	w := s.spawn("w", func(t *Task) (any, error) {
		return nil, with(t, cond.Acquire, cond.Release, func() error {
			r, err := cond.WaitFor(t, func() (any, bool, error) {
				if state >= 2 {
					return fmt.Sprintf("ready%d", state), true, nil
				}
				return false, false, nil
			})
			if err != nil {
				return err
			}
			s.logf("got %s", r)
			return nil
		})
	})
	for i := range 3 {
		if err := m.Yield(); err != nil {
			return err
		}
		err := with(m, cond.Acquire, cond.Release, func() error {
			state = i
			s.logf("notify %d", i)
			return cond.Notify(1)
		})
		if err != nil {
			return err
		}
	}
	_, err := m.Await(&w.Future)
	return err
}

// semaphoreFairness: d is cancelled while it waits; c is woken by a release
// and cancelled before it runs, and gives its unit to e.
func semaphoreFairness(s *scene, m *Task) error {
	sem, _ := NewSemaphore(s.l, 2, false)
	ts := s.spawnAll("abcdef", func(name string) Body {
		return func(t *Task) (any, error) {
			if err := sem.Acquire(t); err != nil {
				s.logf("%s:cancelled value=%d", name, sem.Value())
				return nil, err
			}
			s.logf("%s:got", name)
			if err := t.Yield(); err != nil {
				return nil, err
			}
			return nil, sem.Release()
		}
	})
	if err := m.Yield(); err != nil {
		return err
	}
	s.logf("locked=%s", py(sem.Locked()))
	ts[3].Cancel(nil)
	if err := m.Yield(); err != nil {
		return err
	}
	ts[2].Cancel(nil)
	s.logf("value=%d", sem.Value())
	if err := s.gather(m, ts...); err != nil {
		return err
	}
	s.logf("value=%d", sem.Value())
	return nil
}

// semaphoreWakeNext: a is woken by the first of two releases; main, asking
// before a runs, must wait behind it, and a wakes it with the unit left.
func semaphoreWakeNext(s *scene, m *Task) error {
	sem, _ := NewSemaphore(s.l, 0, false)
	worker := func(name string) Body {
		return func(t *Task) (any, error) {
			if err := sem.Acquire(t); err != nil {
				return nil, err
			}
			s.logf("%s:got value=%d", name, sem.Value())
			return nil, nil
		}
	}
	a := s.spawn("a", worker("a"))
	if err := m.Yield(); err != nil {
		return err
	}
	sem.Release()
	sem.Release()
	s.logf("value=%d locked=%s", sem.Value(), py(sem.Locked()))
	if _, err := worker("main")(m); err != nil {
		return err
	}
	_, err := m.Await(&a.Future)
	return err
}

func barrierRounds(s *scene, m *Task) error {
	b, _ := NewBarrier(s.l, 3)
	ts := s.spawnAll("abc", func(name string) Body {
		return func(t *Task) (any, error) {
			for r := range 2 {
				i, err := b.Wait(t)
				if err != nil {
					return nil, err
				}
				s.logf("%s%d:%d", name, r, i)
			}
			return nil, nil
		}
	})
	if err := s.gather(m, ts...); err != nil {
		return err
	}
	s.logf("n_waiting=%d broken=%s", b.NWaiting(), py(b.Broken()))
	return nil
}

func barrierResetAbort(s *scene, m *Task) error {
	b, _ := NewBarrier(s.l, 3)
	party := func(name string) Body {
		return func(t *Task) (any, error) {
			i, err := b.Wait(t)
			var e *Error
			switch {
			case errors.As(err, &e) && e.Kind == BrokenBarrierError:
				s.logf("%s:%s", name, pyErrString(err))
			case err != nil:
				return nil, err
			default:
				s.logf("%s:%d", name, i)
			}
			return nil, nil
		}
	}
	ts := s.spawnAll("ab", party)
	if err := m.Yield(); err != nil {
		return err
	}
	s.logf("n_waiting=%d", b.NWaiting())
	if err := b.Reset(m); err != nil {
		return err
	}
	if err := s.gather(m, ts...); err != nil {
		return err
	}
	s.logf("after reset n_waiting=%d broken=%s", b.NWaiting(), py(b.Broken()))
	ts = s.spawnAll("cd", party)
	if err := m.Yield(); err != nil {
		return err
	}
	if err := b.Abort(m); err != nil {
		return err
	}
	if err := s.gather(m, ts...); err != nil {
		return err
	}
	if _, err := party("e")(m); err != nil {
		return err
	}
	s.logf("broken=%s", py(b.Broken()))
	return nil
}

// barrierCancel: a leaves the barrier cancelled; its index is given again,
// as CPython counts the tasks inside rather than numbering arrivals.
func barrierCancel(s *scene, m *Task) error {
	b, _ := NewBarrier(s.l, 3)
	party := func(name string) Body {
		return func(t *Task) (any, error) {
			i, err := b.Wait(t)
			if err != nil {
				s.logf("%s:cancelled n_waiting=%d", name, b.NWaiting())
				return nil, err
			}
			s.logf("%s:%d", name, i)
			return nil, nil
		}
	}
	ts := s.spawnAll("ab", party)
	if err := m.Yield(); err != nil {
		return err
	}
	s.logf("n_waiting=%d", b.NWaiting())
	ts[0].Cancel(nil)
	ts = append(ts, s.spawnAll("cd", party)...)
	if err := s.gather(m, ts...); err != nil {
		return err
	}
	s.logf("n_waiting=%d state=%s", b.NWaiting(), b.State())
	return nil
}

func TestLockErrors(t *testing.T) {
	l := newVirtual()
	defer l.Close()
	sem, _ := NewSemaphore(l, 1, true)
	cases := []struct {
		what string
		err  error
		want string
	}{
		{"Lock.release unlocked", NewLock(l).Release(), "RuntimeError: Lock is not acquired."},
		{"Condition.notify unlocked", NewCondition(l, nil).Notify(1), "RuntimeError: cannot notify on un-acquired lock"},
		{"Condition.notify_all unlocked", NewCondition(l, nil).NotifyAll(), "RuntimeError: cannot notify on un-acquired lock"},
		{"Condition.wait unlocked", NewCondition(l, nil).Wait(nil), "RuntimeError: cannot wait on un-acquired lock"},
		{"Semaphore(-1)", second(NewSemaphore(l, -1, false)), "ValueError: Semaphore initial value must be >= 0"},
		{"BoundedSemaphore(-1)", second(NewSemaphore(l, -1, true)), "ValueError: Semaphore initial value must be >= 0"},
		{"BoundedSemaphore over-release", sem.Release(), "ValueError: BoundedSemaphore released too many times"},
		{"Barrier(0)", second(NewBarrier(l, 0)), "ValueError: parties must be > 0"},
	}
	for _, c := range cases {
		if c.err == nil {
			t.Errorf("%s: got no error, want %q", c.what, c.want)
		} else if got := c.err.Error(); got != c.want {
			t.Errorf("%s: got %q, want %q", c.what, got, c.want)
		}
	}
	if got := sem.Value(); got != 1 {
		t.Errorf("value after refused release: got %d, want 1", got)
	}
	// An unbounded semaphore goes above its initial value.
	unb, _ := NewSemaphore(l, 1, false)
	if err := unb.Release(); err != nil || unb.Value() != 2 {
		t.Errorf("unbounded release: got %v, value %d; want nil, 2", err, unb.Value())
	}
}

func second[T any](_ T, err error) error { return err }

// TestBoundedSemaphoreAcquireRelease: a bounded semaphore may be released as
// often as it was acquired, and no more.
func TestBoundedSemaphoreAcquireRelease(t *testing.T) {
	defer goleak.VerifyNone(t)
	got := runScene(t, func(s *scene, m *Task) error {
		sem, _ := NewSemaphore(s.l, 2, true)
		for range 2 {
			if err := sem.Acquire(m); err != nil {
				return err
			}
		}
		s.logf("locked=%s", py(sem.Locked()))
		for range 3 {
			s.logf("release=%v", sem.Release())
		}
		s.logf("value=%d", sem.Value())
		return nil
	})
	want := "locked=True release=<nil> release=<nil> release=ValueError: BoundedSemaphore released too many times value=2"
	if got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
}

// TestWaiterLabels: each primitive labels the future a waiting task is
// suspended on.
func TestWaiterLabels(t *testing.T) {
	defer goleak.VerifyNone(t)
	l := newVirtual()
	l.SetExceptionHandler(func(ExceptionContext) {})
	lock := NewLock(l)
	lock.locked = true
	ev := NewEvent(l)
	cond := NewCondition(l, nil)
	sem, _ := NewSemaphore(l, 0, false)
	bar, _ := NewBarrier(l, 2)
	checkLabels(t, l, []labelCase{
		{"Lock.acquire()", func(t *Task) (any, error) { return nil, lock.Acquire(t) }},
		{"Event.wait()", func(t *Task) (any, error) { return nil, ev.Wait(t) }},
		{"Condition.wait()", func(t *Task) (any, error) {
			cond.Acquire(t)
			return nil, cond.Wait(t)
		}},
		{"Semaphore.acquire()", func(t *Task) (any, error) { return nil, sem.Acquire(t) }},
		{"Barrier.wait()", func(t *Task) (any, error) { _, err := bar.Wait(t); return nil, err }},
	})
}

type labelCase struct {
	want string
	body Body
}

// checkLabels runs a task per case until they all wait, then checks the
// label of the future each waits on, and closes l.
func checkLabels(t *testing.T, l *Loop, cases []labelCase) {
	t.Helper()
	var ts []*Task
	for _, c := range cases {
		ts = append(ts, mustTask(t, l, c.want, c.body))
	}
	l.RunUntilComplete(after(l, 1))
	for i, task := range ts {
		w := task.Waiter()
		if w == nil {
			t.Errorf("%s: task not waiting", cases[i].want)
			continue
		}
		if got := w.Label(); got != cases[i].want {
			t.Errorf("label: got %q, want %q", got, cases[i].want)
		}
	}
	l.Close()
}

// conditionCancelledWhileReacquiring: a waiter cancelled while it takes the
// lock back still takes it, then fails with a fresh CancelledError, as
// CPython's `raise exceptions.CancelledError`.
func conditionCancelledWhileReacquiring(s *scene, m *Task) error {
	cond := NewCondition(s.l, nil)
	w := s.spawn("w", func(t *Task) (any, error) {
		if err := cond.Acquire(t); err != nil {
			return nil, err
		}
		err := cond.Wait(t)
		s.logf("wait: %v, locked=%s, w waits on the lock: %s", err, py(cond.Locked()), py(cond.Lock().Waiters() > 0))
		cond.Release()
		return nil, err
	})
	if err := m.Yield(); err != nil {
		return err
	}
	err := with(m, cond.Acquire, cond.Release, func() error {
		cond.Notify(1)
		// Let w resume and queue for the lock held here.
		for range 2 {
			if err := m.Yield(); err != nil {
				return err
			}
		}
		s.logf("lock waiters=%d", cond.Lock().Waiters())
		w.Cancel("first")
		if err := m.Yield(); err != nil {
			return err
		}
		s.logf("lock waiters=%d", cond.Lock().Waiters())
		return nil
	})
	if err != nil {
		return err
	}
	_, err = m.Await(&w.Future)
	s.logf("w: %v", err)
	return nil
}

// TestLockBoundToLoop: a lock made without a loop binds to the loop of its
// first waiter, and refuses a waiter from another loop.
func TestLockBoundToLoop(t *testing.T) {
	defer goleak.VerifyNone(t)
	lock := NewLock(nil)
	var errs []string
	for range 2 {
		l := newVirtual()
		holder := mustTask(t, l, "holder", func(t *Task) (any, error) {
			if err := lock.Acquire(t); err != nil {
				return nil, err
			}
			if err := t.Yield(); err != nil {
				return nil, err
			}
			return nil, lock.Release()
		})
		waiter := mustTask(t, l, "waiter", func(t *Task) (any, error) {
			err := lock.Acquire(t)
			if err == nil {
				err = lock.Release()
			}
			errs = append(errs, fmt.Sprint(err))
			return nil, nil
		})
		l.RunUntilComplete(Gather(l, []*Future{&holder.Future, &waiter.Future}, true))
		l.Close()
	}
	want := "<nil>; RuntimeError: <asyncio.locks.Lock object [locked]> is bound to a different event loop"
	if got := strings.Join(errs, "; "); got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

// TestWaitersDestroyedWithLoop: tasks waiting on each primitive when their
// loop closes end without hanging, leaving no goroutine behind.
func TestWaitersDestroyedWithLoop(t *testing.T) {
	defer goleak.VerifyNone(t)
	l := newVirtual()
	l.SetExceptionHandler(func(ExceptionContext) {})
	lock := NewLock(l)
	cond := NewCondition(l, nil)
	bar, _ := NewBarrier(l, 3)
	sem, _ := NewSemaphore(l, 0, false)
	results := map[string]error{}
	spawn := func(name string, body func(t *Task) error) {
		mustTask(t, l, name, func(t *Task) (any, error) {
			err := body(t)
			results[name] = err
			return nil, err
		})
	}
	spawn("lock holder", func(t *Task) error { lock.Acquire(t); return NewEvent(l).Wait(t) })
	spawn("lock waiter", lock.Acquire)
	spawn("cond waiter", func(t *Task) error { cond.Acquire(t); return cond.Wait(t) })
	spawn("barrier 1", func(t *Task) error { _, err := bar.Wait(t); return err })
	spawn("barrier 2", func(t *Task) error { _, err := bar.Wait(t); return err })
	spawn("semaphore", sem.Acquire)
	_, err := l.RunUntilComplete(NewFuture(l))
	if !errors.Is(err, ErrDeadlock) {
		t.Fatalf("got %v, want a deadlock", err)
	}
	l.Close()
	if len(results) != 6 {
		t.Errorf("%d bodies returned, want 6", len(results))
	}
	for name, err := range results {
		if err != ErrDestroyed {
			t.Errorf("%s: got %v, want ErrDestroyed", name, err)
		}
	}
}

func TestReprs(t *testing.T) {
	l := newVirtual()
	defer l.Close()
	lock := NewLock(l)
	lock.locked = true
	lock.waiters.pushBack(NewFuture(l))
	ev := NewEvent(l)
	ev.Set()
	sem, _ := NewSemaphore(l, 2, true)
	bar, _ := NewBarrier(l, 3)
	cases := []struct {
		got  fmt.Stringer
		want string
	}{
		{lock, "<asyncio.locks.Lock object [locked, waiters:1]>"},
		{ev, "<asyncio.locks.Event object [set]>"},
		{NewCondition(l, lock), "<asyncio.locks.Condition object [locked]>"},
		{sem, "<asyncio.locks.BoundedSemaphore object [unlocked, value:2]>"},
		{bar, "<asyncio.locks.Barrier object [filling, waiters:0/3]>"},
	}
	for _, c := range cases {
		if got := c.got.String(); got != c.want {
			t.Errorf("got %s, want %s", got, c.want)
		}
	}
}

// BenchmarkLockContention: tasks take turns at one lock, each holding it
// across a suspension so that the others queue; per acquire and release.
func BenchmarkLockContention(b *testing.B) {
	const tasks = 100
	l := newVirtual()
	lock := NewLock(l)
	n := 0
	futs := make([]*Future, tasks)
	for i := range futs {
		task, _ := NewTask(l, "t", func(t *Task) (any, error) {
			for n < b.N {
				n++
				if err := lock.Acquire(t); err != nil {
					return nil, err
				}
				if err := t.Yield(); err != nil {
					return nil, err
				}
				lock.Release()
			}
			return nil, nil
		})
		futs[i] = &task.Future
	}
	b.ReportAllocs()
	b.ResetTimer()
	if _, err := l.RunUntilComplete(Gather(l, futs, false)); err != nil {
		b.Fatal(err)
	}
	b.StopTimer()
	l.Close()
}
