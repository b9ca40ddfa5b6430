package loop

import (
	"fmt"
	"slices"
	"strconv"
	"strings"
	"testing"

	"go.uber.org/goleak"
)

// The expected logs of these tests are what the same scenarios print under
// CPython 3.11: their twin testdata/cpython_taskgroup.py (asyncio.TaskGroup
// and async with, on a loop with a virtual clock as here) prints
// "name: log" for each, and its output is the golden file
// testdata/cpython_taskgroup.out, which TestCPythonTaskGroupTwin checks and
// -update rewrites (see twin_test.go).

// cpythonTaskGroup is the twin of the task group tests and its golden file.
const cpythonTaskGroupPy, cpythonTaskGroupOut = "testdata/cpython_taskgroup.py", "testdata/cpython_taskgroup.out"

// TestCPythonTaskGroupTwin runs the task group tests' twin with python3, when
// it is on the PATH, and checks that the golden file is what CPython prints.
func TestCPythonTaskGroupTwin(t *testing.T) {
	checkTwin(t, cpythonTaskGroupPy, cpythonTaskGroupOut)
}

// wantLog is the log CPython prints for the scenario name.
func wantLog(t *testing.T, name string) string {
	t.Helper()
	return goldenLog(t, cpythonTaskGroupOut, name)
}

// pyErr is a test stand-in for a Python exception.
type pyErr struct{ typ, msg string }

func (e *pyErr) Error() string { return e.typ + "(" + strconv.Quote(e.msg) + ")" }

// repr renders errors as Python's repr would.
func repr(err error) string {
	switch e := err.(type) {
	case nil:
		return "None"
	case *pyErr:
		return fmt.Sprintf("%s('%s')", e.typ, e.msg)
	case *CancelledError:
		if e.Msg == nil || e.Msg == Expired {
			return "CancelledError()"
		}
		return fmt.Sprintf("CancelledError('%v')", e.Msg)
	case *Error:
		if e.Msg == "" {
			return e.Kind.String() + "()"
		}
		return fmt.Sprintf("%s('%s')", e.Kind, e.Msg)
	case *ExceptionGroup:
		subs := make([]string, len(e.Errs))
		for i, s := range e.Errs {
			subs[i] = repr(s)
		}
		return fmt.Sprintf("ExceptionGroup('%s', [%s])", e.Msg, strings.Join(subs, ", "))
	}
	return err.Error()
}

// eventLog collects what the tasks of a test do.
type eventLog struct {
	l     *Loop
	t0    float64
	lines []string
}

func newLog(l *Loop) *eventLog { return &eventLog{l: l, t0: l.Time()} }

func (g *eventLog) add(format string, args ...any) {
	g.lines = append(g.lines, fmt.Sprintf(format, args...))
}

func (g *eventLog) now() float64 { return g.l.Time() - g.t0 }

func (g *eventLog) String() string { return strings.Join(g.lines, "; ") }

// sleeper sleeps d seconds; cancelled, it logs and returns onCancel (or the
// cancellation when onCancel is nil).
func sleeper(g *eventLog, name string, d float64, onCancel error) Body {
	return func(t *Task) (any, error) {
		if _, err := Sleep(t, d, nil); err != nil {
			if IsCancellation(err) {
				g.add("%s cancelled at %v", name, g.now())
				if onCancel != nil {
					return nil, onCancel
				}
			}
			return nil, err
		}
		g.add("%s done", name)
		return nil, nil
	}
}

// fail sleeps d seconds, then fails with exc.
func fail(g *eventLog, d float64, exc error) Body {
	return func(t *Task) (any, error) {
		if _, err := Sleep(t, d, nil); err != nil {
			return nil, err
		}
		g.add("raise %s at %v", repr(exc), g.now())
		return nil, exc
	}
}

// spawn is tg.create_task(body) with the task named name.
func spawn(tg *TaskGroup, name string, body Body) (*Task, error) {
	return tg.CreateTask(func() (*Task, error) { return NewTask(tg.loop, name, body) })
}

// withGroup is "async with tg: block()" in the task t.
func withGroup(t *Task, tg *TaskGroup, block func() error) error {
	if err := tg.Enter(t); err != nil {
		return err
	}
	return tg.Exit(t, block())
}

// runMain runs body as the task "main" until it is done.
func runMain(t *testing.T, l *Loop, body Body) {
	t.Helper()
	main := mustTask(t, l, "main", body)
	if _, err := l.RunUntilComplete(&main.Future); err != nil {
		t.Fatalf("main: %v", err)
	}
}

func TestTaskGroupFirstFailureCancelsSiblingsAndBody(t *testing.T) {
	defer goleak.VerifyNone(t)
	l := newVirtual()
	g := newLog(l)
	var exit error
	runMain(t, l, func(task *Task) (any, error) {
		tg := NewTaskGroup(l)
		exit = withGroup(task, tg, func() error {
			spawn(tg, "a", sleeper(g, "a", 10, nil))
			spawn(tg, "fail", fail(g, 1, &pyErr{"ValueError", "boom"}))
			spawn(tg, "b", sleeper(g, "b", 10, nil))
			g.add("%s", tg)
			_, err := Sleep(task, 5, nil)
			if IsCancellation(err) {
				g.add("body cancelled %s", tg)
			}
			return err
		})
		g.add("exit at %v: %s cancelling=%d", g.now(), repr(exit), task.Cancelling())
		g.add("str: %s", exit.Error())
		return nil, nil
	})
	if got, want := g.String(), wantLog(t, "first_failure"); got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	l.Close()
}

// TestTaskGroupSeveralFailuresInOrder: two children fail in the same
// iteration, a third fails while it is cancelled, and the body raises while
// it is cancelled: the group holds all four, in that order.
func TestTaskGroupSeveralFailuresInOrder(t *testing.T) {
	defer goleak.VerifyNone(t)
	l := newVirtual()
	g := newLog(l)
	runMain(t, l, func(task *Task) (any, error) {
		tg := NewTaskGroup(l)
		exit := withGroup(task, tg, func() error {
			spawn(tg, "one", fail(g, 1, &pyErr{"ValueError", "one"}))
			spawn(tg, "c2", sleeper(g, "c2", 10, &pyErr{"KeyError", "two"}))
			spawn(tg, "three", fail(g, 1, &pyErr{"TypeError", "three"}))
			if _, err := Sleep(task, 5, nil); err != nil {
				g.add("body cancelled %s", tg)
				return &pyErr{"RuntimeError", "body"}
			}
			return nil
		})
		g.add("exit at %v: %s cancelling=%d", g.now(), repr(exit), task.Cancelling())
		g.add("str: %s", exit.Error())
		return nil, nil
	})
	if got, want := g.String(), wantLog(t, "several_failures"); got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	l.Close()
}

// TestTaskGroupCancelledFromOutside: the task running the group is cancelled
// while the body awaits; Exit returns the body's CancelledError itself.
func TestTaskGroupCancelledFromOutside(t *testing.T) {
	defer goleak.VerifyNone(t)
	l := newVirtual()
	g := newLog(l)
	same := false
	runMain(t, l, func(task *Task) (any, error) {
		p := mustTask(t, l, "p", func(pt *Task) (any, error) {
			tg := NewTaskGroup(l)
			var bodyErr error
			exit := withGroup(pt, tg, func() error {
				spawn(tg, "a", sleeper(g, "a", 10, nil))
				_, bodyErr = sleeper(g, "body", 10, nil)(pt)
				return bodyErr
			})
			same = exit == bodyErr
			g.add("exit at %v: %s", g.now(), repr(exit))
			return nil, exit
		})
		Sleep(task, 1, nil)
		p.Cancel("stop")
		_, err := task.Await(&p.Future)
		g.add("p cancelled=%s %s", py(p.Cancelled()), repr(err))
		return nil, nil
	})
	if got, want := g.String(), wantLog(t, "cancelled_from_outside"); got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	if !same {
		t.Error("Exit did not return the body's own CancelledError")
	}
	l.Close()
}

// TestTaskGroupCancelledWhileExiting: the body ended, and the task is
// cancelled while Exit waits for a child: Exit cancels the child and returns
// the cancellation it caught.
func TestTaskGroupCancelledWhileExiting(t *testing.T) {
	defer goleak.VerifyNone(t)
	l := newVirtual()
	g := newLog(l)
	runMain(t, l, func(task *Task) (any, error) {
		p := mustTask(t, l, "p", func(pt *Task) (any, error) {
			tg := NewTaskGroup(l)
			exit := withGroup(pt, tg, func() error {
				spawn(tg, "a", sleeper(g, "a", 10, nil))
				g.add("body ends")
				return nil
			})
			g.add("exit at %v: %s", g.now(), repr(exit))
			return nil, exit
		})
		Sleep(task, 1, nil)
		p.Cancel("stop")
		_, err := task.Await(&p.Future)
		g.add("p cancelled=%s %s", py(p.Cancelled()), repr(err))
		return nil, nil
	})
	if got, want := g.String(), wantLog(t, "cancelled_while_exiting"); got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	l.Close()
}

// TestTaskGroupNested: the inner group's ExceptionGroup leaves the outer
// group's body, which cancels the outer children and wraps it.
func TestTaskGroupNested(t *testing.T) {
	defer goleak.VerifyNone(t)
	l := newVirtual()
	g := newLog(l)
	runMain(t, l, func(task *Task) (any, error) {
		outer := NewTaskGroup(l)
		exit := withGroup(task, outer, func() error {
			spawn(outer, "o1", sleeper(g, "o1", 10, nil))
			inner := NewTaskGroup(l)
			err := withGroup(task, inner, func() error {
				spawn(inner, "i1", fail(g, 1, &pyErr{"ValueError", "inner"}))
				spawn(inner, "i2", sleeper(g, "i2", 10, nil))
				_, err := sleeper(g, "inner body", 5, nil)(task)
				return err
			})
			g.add("inner exit at %v: %s cancelling=%d", g.now(), repr(err), task.Cancelling())
			return err
		})
		g.add("outer exit at %v: %s cancelling=%d", g.now(), repr(exit), task.Cancelling())
		return nil, nil
	})
	if got, want := g.String(), wantLog(t, "nested"); got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	l.Close()
}

// TestTaskGroupStateErrors: create_task before Enter, while shutting down
// and after the group finished; Enter twice.
func TestTaskGroupStateErrors(t *testing.T) {
	defer goleak.VerifyNone(t)
	l := newVirtual()
	g := newLog(l)
	tg := NewTaskGroup(l)
	tryCreate := func(tg *TaskGroup) {
		created := false
		_, err := tg.CreateTask(func() (*Task, error) { created = true; return nil, nil })
		if created {
			t.Errorf("create called on %s", tg)
		}
		if e, ok := err.(*Error); !ok || e.Kind != RuntimeError {
			t.Errorf("got %v, want a RuntimeError", err)
		}
		g.add("%s", err.(*Error).Msg)
	}
	tryCreate(tg)
	runMain(t, l, func(task *Task) (any, error) {
		exit := withGroup(task, tg, func() error {
			if err := tg.Enter(task); err != nil {
				g.add("%s", err.(*Error).Msg)
			}
			spawn(tg, "v", fail(g, 1, &pyErr{"ValueError", "v"}))
			spawn(tg, "child", func(ct *Task) (any, error) {
				_, err := Sleep(ct, 10, nil)
				if IsCancellation(err) {
					tryCreate(tg)
				}
				return nil, err
			})
			return nil
		})
		g.add("exit: %s", repr(exit))
		tryCreate(tg)
		tg2 := NewTaskGroup(l)
		if err := withGroup(task, tg2, func() error {
			_, err := spawn(tg2, "s", sleeper(g, "s", 1, nil))
			return err
		}); err != nil {
			t.Errorf("tg2: got %v, want nil", err)
		}
		tryCreate(tg2)
		return nil, nil
	})
	if got, want := g.String(), wantLog(t, "state_errors"); got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	if err := NewTaskGroup(l).Enter(nil); err == nil || err.Error() != "RuntimeError: TaskGroup <TaskGroup> cannot determine the parent task" {
		t.Errorf("Enter(nil): got %v", err)
	}
	l.Close()
}

// TestTaskGroupBaseError: an error IsBase accepts leaves the group as it
// is, not in a group, whether a child or the body raised it. This scenario
// has no CPython twin: CPython's loop re-raises a KeyboardInterrupt out of
// run_until_complete as soon as a task raises it. What a script sees of it
// has: spec_tests/testdata/asyncio/taskgroup_base_error and
// taskgroup_base_error_child.
func TestTaskGroupBaseError(t *testing.T) {
	defer goleak.VerifyNone(t)
	l := newVirtual()
	g := newLog(l)
	isBase := func(err error) bool { e, ok := err.(*pyErr); return ok && e.typ == "KeyboardInterrupt" }
	kbi := &pyErr{"KeyboardInterrupt", "child"}
	body := &pyErr{"KeyboardInterrupt", "body"}
	runMain(t, l, func(task *Task) (any, error) {
		tg := NewTaskGroup(l)
		tg.IsBase = isBase
		exit := withGroup(task, tg, func() error {
			spawn(tg, "v", fail(g, 1, &pyErr{"ValueError", "v"}))
			spawn(tg, "a", sleeper(g, "a", 10, kbi))
			_, err := Sleep(task, 5, nil)
			return err
		})
		if exit != kbi {
			t.Errorf("child's base error: got %s, want the child's KeyboardInterrupt", repr(exit))
		}
		tg = NewTaskGroup(l)
		tg.IsBase = isBase
		exit = withGroup(task, tg, func() error {
			spawn(tg, "b", sleeper(g, "b", 10, nil))
			Sleep(task, 0, nil)
			return body
		})
		if exit != body {
			t.Errorf("body's base error: got %s, want the body's KeyboardInterrupt", repr(exit))
		}
		return nil, nil
	})
	if got, want := g.String(), "raise ValueError('v') at 1; a cancelled at 1; b cancelled at 1"; got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	l.Close()
}

// TestTaskGroupParentDone: a child that fails after its parent task ended
// (the group never exited) is reported through the exception handler. The
// message is CPython's, but its task reprs are this package's (CPython's
// show the coroutine), so this scenario has no twin.
func TestTaskGroupParentDone(t *testing.T) {
	defer goleak.VerifyNone(t)
	l := newVirtual()
	var reports []ExceptionContext
	l.SetExceptionHandler(func(c ExceptionContext) { reports = append(reports, c) })
	var child *Task
	exc := &pyErr{"ValueError", "late"}
	runMain(t, l, func(task *Task) (any, error) {
		tg := NewTaskGroup(l)
		tg.Enter(task)
		child, _ = spawn(tg, "c", func(ct *Task) (any, error) {
			Sleep(ct, 1, nil)
			return nil, exc
		})
		return nil, nil
	})
	l.RunUntilComplete(&child.Future)
	want := "Task <Task finished name='c'> has errored out but its parent task <Task finished name='main'> is already completed"
	if len(reports) != 1 || reports[0].Message != want || reports[0].Err != exc || reports[0].Future != &child.Future {
		t.Errorf("got %+v, want one report %q", reports, want)
	}
	l.Close()
}

// TestTaskGroupManyChildren: the group's set of tasks stays in creation
// order when it is compacted, so the siblings are cancelled in that order.
// CPython keeps them in a set and cancels them in the order of their
// hashes, so the twin compares which were cancelled; the order is this
// package's own promise.
func TestTaskGroupManyChildren(t *testing.T) {
	defer goleak.VerifyNone(t)
	l := newVirtual()
	g := newLog(l)
	var exit error
	var cancelled []int
	runMain(t, l, func(task *Task) (any, error) {
		tg := NewTaskGroup(l)
		exit = withGroup(task, tg, func() error {
			for i := 1; i <= 200; i++ {
				name := strconv.Itoa(i)
				if i == 180 {
					spawn(tg, name, fail(g, float64(i), &pyErr{"ValueError", name}))
					continue
				}
				spawn(tg, name, func(ct *Task) (any, error) {
					_, err := Sleep(ct, float64(i), nil)
					if IsCancellation(err) {
						cancelled = append(cancelled, i)
					}
					return nil, err
				})
			}
			return nil
		})
		return nil, nil
	})
	if !slices.IsSorted(cancelled) {
		t.Errorf("siblings cancelled in the order %v, not in creation order", cancelled)
	}
	sorted := slices.Clone(cancelled)
	slices.Sort(sorted)
	names := make([]string, len(sorted))
	for i, n := range sorted {
		names[i] = strconv.Itoa(n)
	}
	g.add("cancelled: %s", strings.Join(names, " "))
	g.add("exit: %s", repr(exit))
	if got, want := g.String(), wantLog(t, "many_children"); got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	l.Close()
}
