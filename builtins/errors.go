package builtins

import (
	"errors"
	"fmt"
	"runtime/debug"
	"strings"

	"github.com/asyncrun/asyncrun/loop"
	"go.starlark.net/starlark"
)

// Errors and how they become script exceptions.
//
// Every error that reaches script code is turned into an *exception by
// toException: exceptions raised by raise_ or by builtins, the loop's own
// errors (by their loop.Kind), and go.starlark.net's runtime errors (by
// starlarkErrorType). Two kinds of error are never exceptions, so that no
// try_ can catch them: an *abortError (the host interrupted the runtime, or
// the step limit was reached) and loop.ErrDestroyed (the task's loop was
// closed under it).

// abortError is why the runtime stopped all script code: the cause given
// to Interrupt, or ErrStepLimit. It is not an exception: no script catches
// it.
type abortError struct {
	cause error
	stack starlark.CallStack // where script code was stopped, if known
}

func (a *abortError) Error() string { return a.cause.Error() }
func (a *abortError) Unwrap() error { return a.cause }

// checkAbort is called where an error of script code running on th comes
// back to Go code that handles it (try_, with_, the end of a task or a
// callback, top-level code): go.starlark.net reports the cancellation of a
// thread as a plain error, and checkAbort gives it its meaning back. When
// the runtime was aborted it returns the abort error; when the thread was
// given a KeyboardInterrupt (see KeyboardInterrupt), it lets the thread run
// again and returns a KeyboardInterrupt exception, which handlers and
// finally_ see as in Python; when the thread's submission was stopped (see
// Submission.stop), it returns the abort error of that.
func (rt *Runtime) checkAbort(th *starlark.Thread, err error) error {
	if err == nil || rt == nil {
		return err
	}
	var ee *starlark.EvalError
	if !errors.As(err, &ee) || errors.As(err, new(*exception)) {
		return err
	}
	if a := rt.abort.Load(); a != nil {
		return &abortError{cause: a.cause, stack: ee.CallStack}
	}
	ts := stateOf(th)
	if ts == nil {
		return err
	}
	if a := ts.stopped.Load(); a != nil {
		return &abortError{cause: a.cause, stack: ee.CallStack}
	}
	if ts.keyboard.CompareAndSwap(true, false) {
		th.Uncancel()
		return &exception{typ: exc.KeyboardInterrupt, traceback: ee.CallStack, cause: err}
	}
	return err
}

// uncatchable reports whether err must pass every try_ unhandled.
func uncatchable(err error) bool {
	return errors.As(err, new(*abortError)) || errors.Is(err, loop.ErrDestroyed)
}

// panicked is the exception a script gets for a panic of Go code run for
// it: a short message; the Go stack goes to the runtime's logger.
func (rt *Runtime) panicked(what string, r any) error {
	if l := rt.cfg.Logger; l != nil {
		l.Printf("asyncrun: %s panicked: %v\n%s", what, r, debug.Stack())
	}
	return newExc(exc.RuntimeError, "%s panicked: %v", what, r)
}

// toException turns any error that reaches a script into an exception
// value: exceptions raised by raise_ or by builtins (found through
// Starlark's EvalError), the loop's own errors, and Starlark errors (fail,
// 1 // 0, d["k"], ...), which become the Python type of their kind
// carrying Starlark's message and traceback. Uncatchable errors (see
// uncatchable) are returned as they are.
func toException(err error) error {
	if err == nil || uncatchable(err) {
		return err
	}
	var e *exception
	if errors.As(err, &e) {
		var ee *starlark.EvalError
		if e.traceback == nil && errors.As(err, &ee) {
			e.traceback = ee.CallStack
		}
		return e
	}
	var le *loop.Error
	if errors.As(err, &le) {
		return &exception{typ: exc.ofKind(le.Kind), args: msgArgs(le.Msg), cause: err}
	}
	var ce *loop.CancelledError
	if errors.As(err, &ce) {
		return &exception{typ: exc.CancelledError, args: cancelArgs(ce.Msg), cause: err}
	}
	var de *loop.DeadlockError
	if errors.As(err, &de) {
		return &exception{typ: exc.RuntimeError, args: msgArgs(deadlockMessage(de)), cause: err}
	}
	var ee *starlark.EvalError
	if errors.As(err, &ee) {
		msg := ee.Msg
		inner := errors.Unwrap(ee)
		if inner != nil && !errors.As(inner, new(*starlark.EvalError)) {
			msg = inner.Error()
		}
		return &exception{typ: starlarkErrorType(inner), args: msgArgs(msg), traceback: ee.CallStack, cause: err}
	}
	return &exception{typ: exc.Exception, args: msgArgs(err.Error()), cause: err}
}

// starlarkErrorType returns the Python type of an error of go.starlark.net
// (the error a builtin or an operator returned, below the EvalError). Its
// typed errors are matched by type; for the errors it makes with
// fmt.Errorf the narrowest stable signal is the message's ending, pinned by
// TestStarlarkErrorTypes so that an upgrade that changes one fails a test.
func starlarkErrorType(err error) *exceptionType {
	if err == nil {
		return exc.Exception
	}
	for _, m := range starlarkMessages {
		if strings.HasSuffix(err.Error(), m.suffix) {
			return m.typ
		}
	}
	return exc.Exception
}

// starlarkMessages maps go.starlark.net's untyped errors to Python types by
// the end of their message.
var starlarkMessages = []struct {
	suffix string
	typ    *exceptionType
}{
	{"division by zero", exc.ZeroDivisionError},
	{"modulo by zero", exc.ZeroDivisionError},
}

// msgArgs returns the args of an exception with message msg: none for "".
func msgArgs(msg string) starlark.Tuple {
	if msg == "" {
		return nil
	}
	return starlark.Tuple{starlark.String(msg)}
}

// cancelArgs returns the args of a CancelledError whose cancel message was
// msg (nil: none; a script's cancel(msg) passes its value).
func cancelArgs(msg any) starlark.Tuple {
	switch msg := msg.(type) {
	case nil:
		return nil
	case starlark.Value:
		return starlark.Tuple{msg}
	}
	return starlark.Tuple{starlark.String(fmt.Sprint(msg))}
}
