package loop

import (
	"math"
	"strings"
	"testing"

	"go.uber.org/goleak"
)

// The expected logs of these tests are what the same scenarios print under
// CPython 3.11: their twin testdata/cpython_timeout.py (asyncio.timeout and
// async with, on a loop with a virtual clock as here) prints "name: log" for
// each, and its output is the golden file testdata/cpython_timeout.out,
// which TestCPythonTimeoutTwin checks and -update rewrites (see
// twin_test.go).

// cpythonTimeout is the twin of the timeout tests and its golden file.
const cpythonTimeoutPy, cpythonTimeoutOut = "testdata/cpython_timeout.py", "testdata/cpython_timeout.out"

// TestCPythonTimeoutTwin runs the timeout tests' twin with python3, when it
// is on the PATH, and checks that the golden file is what CPython prints.
func TestCPythonTimeoutTwin(t *testing.T) {
	checkTwin(t, cpythonTimeoutPy, cpythonTimeoutOut)
}

// wantTimeoutLog is the log CPython prints for the scenario name.
func wantTimeoutLog(t *testing.T, name string) string {
	t.Helper()
	return goldenLog(t, cpythonTimeoutOut, name)
}

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
			g.add("%s expired=%s", tm, py(tm.Expired()))
			_, err := sleeper(g, "body", 10, nil)(task)
			return err
		})
		g.add("exit at %v: %s expired=%s %s cancelling=%d", g.now(), repr(exit), py(tm.Expired()), tm, task.Cancelling())
		return nil, nil
	})
	if got, want := g.String(), wantTimeoutLog(t, "expires"); got != want {
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
				g.add("caught at %v %s expired=%s cancelling=%d", g.now(), tm, py(tm.Expired()), task.Cancelling())
				g.add("%s", msg(tm.Reschedule(0, false)))
			}
			_, err := Sleep(task, 0.5, nil)
			return err
		})
		g.add("exit at %v %s %s cancelling=%d", g.now(), repr(exit), tm, task.Cancelling())
		g.add("%s", msg(tm.Reschedule(0, false)))
		return nil, nil
	})
	if got, want := g.String(), wantTimeoutLog(t, "body_catches_cancellation"); got != want {
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
		g.add("none: exit at %v %s %s expired=%s", g.now(), repr(exit), tm, py(tm.Expired()))
		g.add("%s", msg(tm.Reschedule(0, false)))
		g.add("%s", msg(withTimeout(task, tm, func() error { return nil })))
		return nil, nil
	})
	if got, want := g.String(), wantTimeoutLog(t, "reschedule"); got != want {
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
		g.add("%s %s expired=%s", repr(exit), tm, py(tm.Expired()))
		_, err := Sleep(task, 0, nil)
		return nil, err
	})
	if got, want := g.String(), wantTimeoutLog(t, "at_in_the_past"); got != want {
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
			g.add("inner exit at %v: %s %s expired=%s", g.now(), repr(err), inner, py(inner.Expired()))
			return err
		})
		g.add("outer exit at %v: %s %s expired=%s", g.now(), repr(exit), outer, py(outer.Expired()))
	}
	runMain(t, l, func(task *Task) (any, error) {
		nested(task, 1, 5)
		nested(task, 5, 1)
		return nil, nil
	})
	if got, want := g.String(), wantTimeoutLog(t, "nested"); got != want {
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
			g.add("exit at %v: %s expired=%s cancelling=%d", g.now(), repr(exit), py(tm.Expired()), pt.Cancelling())
			return nil, exit
		})
		Sleep(task, 2, nil)
		p.Cancel(nil)
		task.Await(&p.Future)
		g.add("p cancelled=%s", py(p.Cancelled()))
		return nil, nil
	})
	if got, want := g.String(), wantTimeoutLog(t, "and_outside_cancel"); got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	l.Close()
}

// TestTimeoutEnterErrors: a Timeout entered outside a task, or left before
// it was entered, is an error. No scenario of the twin: a script's entry
// outside a task is twinned by spec_tests' asyncio/taskgroup_timeout_details;
// a script cannot leave a timeout it did not enter (with_ does both).
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
// repr(round(when, 3)); the floats are those of the twin's float_repr
// (ROUNDED, then PLAIN, printed without rounding).
func TestPyFloatRepr(t *testing.T) {
	rounded := []float64{12.3456, 2.0005, 1e16, 1.5e16, 123456789, 0.1 + 0.2, -1.23456,
		9999999999999998, 2.675, 1.0005, 0.00001}
	plain := []float64{1e-5, 0.0001, math.Copysign(0, -1), 0}
	var got []string
	for _, x := range rounded {
		got = append(got, pyFloatRepr(round3(x)))
	}
	for _, x := range plain {
		got = append(got, pyFloatRepr(x))
	}
	if got, want := strings.Join(got, "; "), wantTimeoutLog(t, "float_repr"); got != want {
		t.Errorf("got  %s\nwant %s", got, want)
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
	if got, want := g.String(), wantTimeoutLog(t, "infinite"); got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	l.Close()
}
