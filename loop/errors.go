package loop

import (
	"errors"
	"fmt"

	"github.com/asyncrun/asyncrun/pyexc"
)

// Kind names the Python exception type that an Error stands for: the one
// vocabulary of kinds (pyexc) that aio and the Starlark face share.
type Kind = pyexc.Kind

// The kinds of Error the loop raises, each named after the Python exception
// CPython raises in the same place.
const (
	RuntimeError       = pyexc.RuntimeError
	InvalidStateError  = pyexc.InvalidStateError
	ValueError         = pyexc.ValueError
	TypeError          = pyexc.TypeError
	TimeoutError       = pyexc.TimeoutError
	QueueEmpty         = pyexc.QueueEmpty
	QueueFull          = pyexc.QueueFull
	BrokenBarrierError = pyexc.BrokenBarrierError
)

// Error is a failure raised by the loop itself, such as running a closed loop
// or setting the result of a done future.
type Error struct {
	Kind Kind
	Msg  string
	// Cause, if set, is the error this one was raised from (Python's
	// `raise ... from cause`): wait_for's TimeoutError comes from the
	// CancelledError of the awaited future. It is not returned by Unwrap:
	// a TimeoutError is no cancellation.
	Cause error
}

// Error returns "Kind: message".
func (e *Error) Error() string {
	if e.Msg == "" {
		return e.Kind.String()
	}
	return e.Kind.String() + ": " + e.Msg
}

func errorf(k Kind, format string, args ...any) *Error {
	return &Error{Kind: k, Msg: fmt.Sprintf(format, args...)}
}

// CancelledError is the error that the result of a cancelled future carries.
// Msg is the message given to Cancel: nil for none, else any value (the
// embedding layer passes its own), as Python's cancel(msg) takes any object.
type CancelledError struct {
	Msg any
}

// Expired is the cancel message of the cancellations wait_for and Timeout
// make when their time is up. It stands for no message (the
// CancelledError has none, as in CPython's), and tells a future cancelled
// for a timeout from one cancelled otherwise (a host call, say, can report
// why its context ended).
var Expired any = expired{}

type expired struct{}

// Error returns "CancelledError" or "CancelledError: msg".
func (e *CancelledError) Error() string {
	if e.Msg == nil || e.Msg == Expired {
		return "CancelledError"
	}
	return fmt.Sprint("CancelledError: ", e.Msg)
}

// IsCancellation implements Cancellation.
func (e *CancelledError) IsCancellation() bool { return true }

// Cancellation is implemented by errors that stand for a cancellation. An
// embedding layer with its own exception values implements it so that a
// cancellation raised by user code cancels its task, as in CPython.
type Cancellation interface {
	error
	IsCancellation() bool
}

// IsCancellation reports whether err is, or wraps, a cancellation.
func IsCancellation(err error) bool {
	var c Cancellation
	return errors.As(err, &c) && c.IsCancellation()
}

// ErrDeadlock is wrapped by the error RunUntilComplete returns when the future
// can never complete: nothing is ready, no timer is set and no outside work
// is pending.
var ErrDeadlock = errors.New("deadlock")

// DeadlockError reports a RunUntilComplete that can never finish. Pending lists
// the loop's unfinished tasks.
type DeadlockError struct {
	Pending []*Task
}

// Error describes the deadlock.
func (e *DeadlockError) Error() string {
	return fmt.Sprintf("run_until_complete: deadlock: the future can never complete (no callback is ready, no timer is set and no outside work is pending; %d task(s) pending)", len(e.Pending))
}

// Unwrap returns ErrDeadlock.
func (e *DeadlockError) Unwrap() error { return ErrDeadlock }
