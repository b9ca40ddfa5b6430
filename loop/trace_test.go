package loop

import (
	"fmt"
	"strings"
	"testing"

	"go.uber.org/goleak"
)

// logTracer records a loop's events as text, with the loop time.
type logTracer struct {
	l   *Loop
	log []string
}

func (r *logTracer) add(format string, args ...any) {
	r.log = append(r.log, fmt.Sprintf("%g ", r.l.Time())+fmt.Sprintf(format, args...))
}

func (r *logTracer) TaskCreated(t, parent *Task) {
	p := "-"
	if parent != nil {
		p = parent.Name()
	}
	r.add("create %s by %s", t.Name(), p)
}
func (r *logTracer) StepStart(t *Task) { r.add("step %s", t.Name()) }
func (r *logTracer) StepEnd(t *Task, ended bool) {
	switch w := t.Waiter(); {
	case ended:
		r.add("end %s", t.Name())
	case w != nil:
		r.add("wait %s on %s", t.Name(), w.Label())
	default:
		r.add("yield %s", t.Name())
	}
}
func (r *logTracer) TaskDone(t *Task) { r.add("done %s %s", t.Name(), t.State()) }
func (r *logTracer) CallbackStart(h *Handle) {
	if h.Loop() != r.l {
		r.add("callback of another loop")
	}
	r.add("callback %v", h.Value)
}
func (r *logTracer) CallbackEnd(h *Handle)  { r.add("callback end") }
func (r *logTracer) OffLoopStart(f *Future) { r.add("off %s", f.Label()) }
func (r *logTracer) OffLoopEnd(f *Future)   { r.add("off end %s", f.Label()) }

// TestTracerEvents: the tracer sees task creation (with the creating
// task), each step with what it ends on, the end, callbacks other than
// task wakeups, outside work, and tasks destroyed by Close.
func TestTracerEvents(t *testing.T) {
	defer goleak.VerifyNone(t)
	r := &logTracer{}
	l := New(Options{Clock: NewClock(true), Tracer: r})
	r.l = l
	host := labelled(l, "host()")
	main := mustTask(t, l, "main", func(task *Task) (any, error) {
		child := mustTask(t, l, "child", func(c *Task) (any, error) {
			if err := c.Yield(); err != nil {
				return nil, err
			}
			return Sleep(c, 1, "slept")
		})
		l.CallSoon(func() {})
		l.RunOff(host, func() (any, error) { return 1, nil })
		if _, err := task.Await(host); err != nil {
			return nil, err
		}
		return task.Await(&child.Future)
	})
	never := mustTask(t, l, "never", func(task *Task) (any, error) { return task.Await(NewFuture(l)) })
	never.LogDestroyPending = false
	if _, err := l.RunUntilComplete(&main.Future); err != nil {
		t.Fatal(err)
	}
	l.Close()
	got := strings.Join(r.log, "\n")
	for _, want := range []string{
		"0 create main by -",
		"0 create never by -",
		"0 step main\n0 create child by main\n0 off host()\n0 wait main on host()",
		"0 step child\n0 yield child",
		"0 callback <nil>\n0 callback end",
		"0 step child\n0 wait child on sleep()",
		" off end host()", // the clock follows real time while outside work is pending and a timer is set
		"1 step child\n1 end child\n1 done child FINISHED",
		"1 step main\n1 end main\n1 done main FINISHED",
		"1 done never PENDING",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("the events lack %q:\n%s", want, got)
		}
	}
	if strings.Contains(got, "*loop.Task") {
		t.Errorf("a task's wakeup was reported as a callback:\n%s", got)
	}
}

// TestAwaitedBy: a future is awaited by the tasks suspended on it, the
// gather and shield futures it is part of, the parent of its TaskGroup,
// and the tasks waiting for it in Wait and WaitFor.
func TestAwaitedBy(t *testing.T) {
	defer goleak.VerifyNone(t)
	l := newVirtual()
	leaf := NewFuture(l)
	var inner, outer, shielded *Future
	var parent, child *Task
	mustTask(t, l, "byTask", func(task *Task) (any, error) { return task.Await(leaf) })
	mustTask(t, l, "byWait", func(task *Task) (any, error) {
		_, _, err := Wait(task, []*Future{leaf}, -1, AllCompleted)
		return nil, err
	})
	mustTask(t, l, "byWaitFor", func(task *Task) (any, error) { return WaitFor(task, leaf, 10) })
	inner = Gather(l, []*Future{leaf}, false)
	outer = Gather(l, []*Future{inner}, false)
	shielded = Shield(leaf)
	parent = mustTask(t, l, "parent", func(task *Task) (any, error) {
		tg := NewTaskGroup(l)
		return nil, withGroup(task, tg, func() error {
			var err error
			child, err = spawn(tg, "child", func(c *Task) (any, error) { return c.Await(leaf) })
			return err
		})
	})
	l.CallLater(1, func() {
		names := func(fs []*Future) string {
			var s []string
			for _, f := range fs {
				switch {
				case f.Task() != nil:
					s = append(s, f.Task().Name())
				case f == inner:
					s = append(s, "inner")
				case f == outer:
					s = append(s, "outer")
				case f == shielded:
					s = append(s, "shield")
				default:
					s = append(s, "?")
				}
			}
			return strings.Join(s, " ")
		}
		if got, want := names(leaf.AwaitedBy()), "inner shield byTask byWait byWaitFor child"; got != want {
			t.Errorf("leaf: got %q, want %q", got, want)
		}
		if got, want := names(inner.AwaitedBy()), "outer"; got != want {
			t.Errorf("inner gather: got %q, want %q", got, want)
		}
		if got, want := names(child.AwaitedBy()), "parent"; got != want {
			t.Errorf("TaskGroup child: got %q, want %q", got, want)
		}
		leaf.SetResult(nil)
	})
	if _, err := l.RunUntilComplete(&parent.Future); err != nil {
		t.Fatal(err)
	}
	if _, err := l.RunUntilComplete(outer); err != nil {
		t.Fatal(err)
	}
	l.Close()
}
