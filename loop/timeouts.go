package loop

// This file holds Timeout, following CPython 3.11.7's Lib/asyncio/timeouts.py
// step for step.

import (
	"math"
	"strconv"
	"strings"
)

type timeoutState uint8

const (
	timeoutCreated timeoutState = iota
	timeoutEntered
	timeoutExpiring
	timeoutExpired
	timeoutExited
)

var timeoutStateNames = [...]string{"created", "active", "expiring", "expired", "finished"}

// Timeout is asyncio.Timeout, the manager behind asyncio.timeout(delay) and
// timeout_at(when): a block (between Enter and Exit) whose task is cancelled
// when the loop's clock reaches the deadline; Exit then turns that
// cancellation into a TimeoutError.
//
// A Timeout belongs to its loop: every method is called only by the
// goroutine acting for the loop (see the package documentation). Enter and
// Exit are called from the body of the task that runs the block, while it
// runs; neither suspends.
type Timeout struct {
	loop       *Loop
	state      timeoutState
	handler    *Handle
	task       *Task
	when       float64
	set        bool // false: when is None, no deadline
	cancelling int  // the task's Cancelling() at Enter
}

// NewTimeout returns a Timeout on l with the deadline when, in l's time (as
// timeout_at(when)); set false means no deadline (when=None). For
// timeout(delay), pass l.Time()+delay. It is not entered yet. Like every
// method of Timeout, it is called only by the goroutine acting for l.
func NewTimeout(l *Loop, when float64, set bool) *Timeout {
	return &Timeout{loop: l, when: when, set: set}
}

// When returns the deadline, and false when there is none.
func (tm *Timeout) When() (float64, bool) { return tm.when, tm.set }

// Expired reports whether the deadline passed while the block ran (the
// timeout is expiring or expired).
func (tm *Timeout) Expired() bool {
	return tm.state == timeoutExpiring || tm.state == timeoutExpired
}

// String returns a repr like CPython's: "<Timeout [created]>", "<Timeout
// [active] when=12.346>" (the deadline rounded to 3 decimals), "<Timeout
// [active] when=None>", "<Timeout [expired]>".
func (tm *Timeout) String() string {
	var b strings.Builder
	b.WriteString("<Timeout [" + timeoutStateNames[tm.state] + "]")
	if tm.state == timeoutEntered {
		when := "None"
		if tm.set {
			when = pyFloatRepr(round3(tm.when))
		}
		b.WriteString(" when=" + when)
	}
	b.WriteString(">")
	return b.String()
}

// Reschedule moves the deadline to when (no deadline if set is false). A
// deadline at or before the loop's time cancels the task on the next
// iteration (with CallSoon); +Inf sets no timer at all. Only an entered, unexpired timeout can be
// rescheduled; otherwise it is a RuntimeError ("Timeout has not been
// entered", "Cannot change state of expiring Timeout", and so on).
func (tm *Timeout) Reschedule(when float64, set bool) error {
	if tm.state != timeoutEntered {
		if tm.state == timeoutCreated {
			return errorf(RuntimeError, "Timeout has not been entered")
		}
		return errorf(RuntimeError, "Cannot change state of %s Timeout", timeoutStateNames[tm.state])
	}
	tm.when, tm.set = when, set
	if tm.handler != nil {
		tm.handler.Cancel()
	}
	tm.handler = nil
	if !set || math.IsInf(when, 1) {
		// An infinite deadline never comes: CPython's timer would never
		// fire, so none is set (a virtual clock would jump to it).
		return nil
	}
	var err error
	if when <= tm.loop.Time() {
		tm.handler, err = tm.loop.CallSoon(tm.onTimeout)
	} else {
		tm.handler, err = tm.loop.CallAt(when, tm.onTimeout)
	}
	return err
}

// Enter is __aenter__: it remembers t, the task running the block, and how
// many cancellations t has pending, and sets the deadline as Reschedule
// does. Entering twice, or with no task, is a RuntimeError.
func (tm *Timeout) Enter(t *Task) error {
	if tm.state != timeoutCreated {
		return errorf(RuntimeError, "Timeout has already been entered")
	}
	if t == nil {
		return errorf(RuntimeError, "Timeout should be used inside a task")
	}
	tm.state = timeoutEntered
	tm.task = t
	tm.cancelling = t.Cancelling()
	return tm.Reschedule(tm.when, tm.set)
}

// Exit is __aexit__: err is what the block raised (nil if nothing). It
// drops the deadline. If the deadline passed, Exit withdraws the timeout's
// cancellation of the task (Uncancel) and, when err is a cancellation and no
// other cancellation of the task is left pending beyond those it had at
// Enter, returns a TimeoutError (an *Error of Kind TimeoutError, with no
// message) that CPython raises "from" err. Otherwise it returns err. t is
// the task running the block; Exit does not suspend it. Exit on a timeout
// that is not entered, or exited already, is a RuntimeError (CPython's
// assertion).
func (tm *Timeout) Exit(t *Task, err error) error {
	if tm.state != timeoutEntered && tm.state != timeoutExpiring {
		return errorf(RuntimeError, "Timeout is %s, not active or expiring", timeoutStateNames[tm.state])
	}
	if tm.handler != nil {
		tm.handler.Cancel()
		tm.handler = nil
	}
	switch tm.state {
	case timeoutExpiring:
		tm.state = timeoutExpired
		if tm.task.Uncancel() <= tm.cancelling && IsCancellation(err) {
			// No cancellation was requested since Enter but ours.
			return &Error{Kind: TimeoutError}
		}
	case timeoutEntered:
		tm.state = timeoutExited
	}
	return err
}

func (tm *Timeout) onTimeout() {
	tm.task.Cancel(Expired)
	tm.state = timeoutExpiring
	tm.handler = nil
}

// round3 is Python's round(x, 3): x correctly rounded to 3 decimals.
func round3(x float64) float64 {
	if math.IsInf(x, 0) || math.IsNaN(x) {
		return x
	}
	r, _ := strconv.ParseFloat(strconv.FormatFloat(x, 'f', 3, 64), 64)
	return r
}

// pyFloatRepr is Python's repr of a float: the shortest digits that read
// back as x, in fixed notation between 1e-4 and 1e16 (with ".0" when
// integral), in exponent notation outside.
func pyFloatRepr(x float64) string {
	switch {
	case math.IsNaN(x):
		return "nan"
	case math.IsInf(x, 1):
		return "inf"
	case math.IsInf(x, -1):
		return "-inf"
	}
	if a := math.Abs(x); a != 0 && (a < 1e-4 || a >= 1e16) {
		return strconv.FormatFloat(x, 'e', -1, 64)
	}
	s := strconv.FormatFloat(x, 'f', -1, 64)
	if !strings.Contains(s, ".") {
		s += ".0"
	}
	return s
}
