package loop

import (
	"math"
	"testing"

	"go.uber.org/goleak"
)

// withTimeout is "async with tm: block()" in the task t.
func withTimeout(t *Task, tm *Timeout, block func() error) error {
	if err := tm.Enter(t); err != nil {
		return err
	}
	return tm.Exit(t, block())
}

// timeoutAfter returns a Timeout for asyncio.timeout(d).
func timeoutAfter(l *Loop, d float64) *Timeout { return NewTimeout(l, l.Time()+d, true) }

func msg(err error) string {
	if e, ok := err.(*Error); ok {
		return e.Msg
	}
	return repr(err)
}

func TestTimeoutExpires(t *testing.T) {
	defer goleak.VerifyNone(t)
	l := newVirtual()
	g := newLog(l)
	runMain(t, l, func(task *Task) (any, error) {
		tm := timeoutAfter(l, 1)
		g.add("%s", tm)
		exit := withTimeout(task, tm, func() error {
			g.add("%s expired=%v", tm, tm.Expired())
			_, err := sleeper(g, "body", 10, nil)(task)
			return err
		})
		g.add("exit at %v: %s expired=%v %s cancelling=%d", g.now(), repr(exit), tm.Expired(), tm, task.Cancelling())
		return nil, nil
	})
	want := "<Timeout [created]>; <Timeout [active] when=1.0> expired=false; body cancelled at 1; " +
		"exit at 1: TimeoutError() expired=true <Timeout [expired]> cancelling=0"
	if got := g.String(); got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	l.Close()
}

// TestTimeoutBodyCatchesCancellation: the block swallows the timeout's
// cancellation and goes on; nothing leaves the block, and the task's
// cancellation is withdrawn.
func TestTimeoutBodyCatchesCancellation(t *testing.T) {
	defer goleak.VerifyNone(t)
	l := newVirtual()
	g := newLog(l)
	runMain(t, l, func(task *Task) (any, error) {
		tm := timeoutAfter(l, 1)
		exit := withTimeout(task, tm, func() error {
			if _, err := Sleep(task, 10, nil); IsCancellation(err) {
				g.add("caught at %v %s expired=%v cancelling=%d", g.now(), tm, tm.Expired(), task.Cancelling())
				g.add("%s", msg(tm.Reschedule(0, false)))
			}
			_, err := Sleep(task, 0.5, nil)
			return err
		})
		g.add("exit at %v %s %s cancelling=%d", g.now(), repr(exit), tm, task.Cancelling())
		g.add("%s", msg(tm.Reschedule(0, false)))
		return nil, nil
	})
	want := "caught at 1 <Timeout [expiring]> expired=true cancelling=1; Cannot change state of expiring Timeout; " +
		"exit at 1.5 None <Timeout [expired]> cancelling=0; Cannot change state of expired Timeout"
	if got := g.String(); got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	l.Close()
}

func TestTimeoutReschedule(t *testing.T) {
	defer goleak.VerifyNone(t)
	l := newVirtual()
	g := newLog(l)
	runMain(t, l, func(task *Task) (any, error) {
		tm := NewTimeout(l, 0, false)
		g.add("%s", msg(tm.Reschedule(0, false)))
		exit := withTimeout(task, tm, func() error {
			g.add("%s", tm)
			tm.Reschedule(l.Time()+2, true)
			Sleep(task, 1, nil)
			tm.Reschedule(l.Time()+3, true)
			if when, ok := tm.When(); when != 4 || !ok {
				t.Errorf("When: got %v, %v, want 4, true", when, ok)
			}
			_, err := sleeper(g, "body", 10, nil)(task)
			return err
		})
		g.add("exit at %v: %s", g.now(), repr(exit))
		tm = timeoutAfter(l, 1)
		exit = withTimeout(task, tm, func() error {
			tm.Reschedule(0, false)
			_, err := Sleep(task, 2, nil)
			return err
		})
		g.add("none: exit at %v %s %s expired=%v", g.now(), repr(exit), tm, tm.Expired())
		g.add("%s", msg(tm.Reschedule(0, false)))
		g.add("%s", msg(withTimeout(task, tm, func() error { return nil })))
		return nil, nil
	})
	want := "Timeout has not been entered; <Timeout [active] when=None>; body cancelled at 4; exit at 4: TimeoutError(); " +
		"none: exit at 6 None <Timeout [finished]> expired=false; Cannot change state of finished Timeout; Timeout has already been entered"
	if got := g.String(); got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	l.Close()
}

// TestTimeoutAtInThePast: the task is cancelled on the next iteration, after
// the callbacks already ready; a block that never awaits ends in time.
func TestTimeoutAtInThePast(t *testing.T) {
	defer goleak.VerifyNone(t)
	l := newVirtual()
	g := newLog(l)
	runMain(t, l, func(task *Task) (any, error) {
		mustTask(t, l, "other", func(*Task) (any, error) { g.add("other step"); return nil, nil })
		tm := NewTimeout(l, l.Time()-1, true)
		exit := withTimeout(task, tm, func() error {
			g.add("in block")
			_, err := sleeper(g, "body", 1, nil)(task)
			return err
		})
		g.add("exit at %v: %s", g.now(), repr(exit))
		tm = NewTimeout(l, l.Time()-1, true)
		exit = withTimeout(task, tm, func() error { g.add("no await"); return nil })
		g.add("%s %s expired=%v", repr(exit), tm, tm.Expired())
		_, err := Sleep(task, 0, nil)
		return nil, err
	})
	want := "in block; other step; body cancelled at 0; exit at 0: TimeoutError(); no await; None <Timeout [finished]> expired=false"
	if got := g.String(); got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	if got := len(l.Tasks()); got != 0 {
		t.Errorf("%d tasks left, want 0", got)
	}
	l.Close()
}

// TestTimeoutNested: the outer timeout expires first (the inner block lets
// the CancelledError through, the outer turns it into TimeoutError), then
// the inner one does (its TimeoutError goes through the outer block).
func TestTimeoutNested(t *testing.T) {
	defer goleak.VerifyNone(t)
	l := newVirtual()
	g := newLog(l)
	nested := func(task *Task, outerDelay, innerDelay float64) {
		outer, inner := timeoutAfter(l, outerDelay), timeoutAfter(l, innerDelay)
		exit := withTimeout(task, outer, func() error {
			err := withTimeout(task, inner, func() error {
				_, err := sleeper(g, "body", 10, nil)(task)
				return err
			})
			g.add("inner exit at %v: %s %s expired=%v", g.now(), repr(err), inner, inner.Expired())
			return err
		})
		g.add("outer exit at %v: %s %s expired=%v", g.now(), repr(exit), outer, outer.Expired())
	}
	runMain(t, l, func(task *Task) (any, error) {
		nested(task, 1, 5)
		nested(task, 5, 1)
		return nil, nil
	})
	want := "body cancelled at 1; inner exit at 1: CancelledError() <Timeout [finished]> expired=false; " +
		"outer exit at 1: TimeoutError() <Timeout [expired]> expired=true; " +
		"body cancelled at 2; inner exit at 2: TimeoutError() <Timeout [expired]> expired=true; " +
		"outer exit at 2: TimeoutError() <Timeout [finished]> expired=false"
	if got := g.String(); got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	l.Close()
}

// TestTimeoutAndOutsideCancel: the timeout expired, but the task was also
// cancelled from outside: the CancelledError leaves the block unchanged.
func TestTimeoutAndOutsideCancel(t *testing.T) {
	defer goleak.VerifyNone(t)
	l := newVirtual()
	g := newLog(l)
	runMain(t, l, func(task *Task) (any, error) {
		p := mustTask(t, l, "p", func(pt *Task) (any, error) {
			tm := timeoutAfter(l, 1)
			exit := withTimeout(pt, tm, func() error {
				if _, err := Sleep(pt, 10, nil); IsCancellation(err) {
					g.add("caught timeout at %v", g.now())
				}
				_, err := sleeper(g, "body", 10, nil)(pt)
				return err
			})
			g.add("exit at %v: %s expired=%v cancelling=%d", g.now(), repr(exit), tm.Expired(), pt.Cancelling())
			return nil, exit
		})
		Sleep(task, 2, nil)
		p.Cancel(nil)
		task.Await(&p.Future)
		g.add("p cancelled=%v", p.Cancelled())
		return nil, nil
	})
	want := "caught timeout at 1; body cancelled at 2; exit at 2: CancelledError() expired=true cancelling=1; p cancelled=true"
	if got := g.String(); got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	l.Close()
}

func TestTimeoutEnterErrors(t *testing.T) {
	l := newVirtual()
	if got, want := msg(NewTimeout(l, 0, false).Enter(nil)), "Timeout should be used inside a task"; got != want {
		t.Errorf("Enter(nil): got %q, want %q", got, want)
	}
	if err := NewTimeout(l, 0, false).Exit(nil, nil); err == nil {
		t.Error("Exit before Enter: got nil, want an error")
	}
	l.Close()
}

// TestPyFloatRepr: the when= of a Timeout's repr is Python's
// repr(round(when, 3)); the wants are CPython's.
func TestPyFloatRepr(t *testing.T) {
	for _, c := range []struct {
		x    float64
		want string
	}{
		{12.3456, "12.346"}, {2.0005, "2.001"}, {1e16, "1e+16"}, {1.5e16, "1.5e+16"},
		{123456789, "123456789.0"}, {0.1 + 0.2, "0.3"}, {-1.23456, "-1.235"},
		{9999999999999998, "9999999999999998.0"}, {2.675, "2.675"}, {1.0005, "1.0"}, {0.00001, "0.0"},
	} {
		if got := pyFloatRepr(round3(c.x)); got != c.want {
			t.Errorf("repr(round(%v, 3)): got %s, want %s", c.x, got, c.want)
		}
	}
	for _, c := range []struct {
		x    float64
		want string
	}{{1e-5, "1e-05"}, {0.0001, "0.0001"}, {math.Copysign(0, -1), "-0.0"}, {0, "0.0"}} {
		if got := pyFloatRepr(c.x); got != c.want {
			t.Errorf("repr(%v): got %s, want %s", c.x, got, c.want)
		}
	}
}

// TestTimeoutInfinite: an infinite deadline never comes, even when the
// virtual clock has nothing else to jump to.
func TestTimeoutInfinite(t *testing.T) {
	defer goleak.VerifyNone(t)
	l := newVirtual()
	g := newLog(l)
	runMain(t, l, func(task *Task) (any, error) {
		tm := NewTimeout(l, math.Inf(1), true)
		exit := withTimeout(task, tm, func() error {
			g.add("%s", tm)
			_, err := Sleep(task, 2, nil)
			return err
		})
		g.add("exit at %v: %s %s", g.now(), repr(exit), tm)
		return nil, nil
	})
	if got, want := g.String(), "<Timeout [active] when=inf>; exit at 2: None <Timeout [finished]>"; got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	l.Close()
}
