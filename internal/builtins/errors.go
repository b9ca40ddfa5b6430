package builtins

import (
	"errors"
	"fmt"
	"runtime/debug"

	"github.com/asyncrun/asyncrun/loop"
	"github.com/asyncrun/asyncrun/pyexc"
	"go.starlark.net/starlark"
)

// Errors and how they become script exceptions.
//
// Every error that reaches script code is turned into an *exception by
// toException: exceptions raised by raise_ or by builtins, the loop's own
// errors (by their loop.Kind; a TaskGroup's *loop.ExceptionGroup becomes an
// ExceptionGroup), and go.starlark.net's runtime errors (by
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
	if a := runAborted(th); a != nil {
		return &abortError{cause: a.cause, stack: ee.CallStack}
	}
	if ts := stateOf(th); ts != nil && ts.stepsOut {
		return &abortError{cause: ErrStepLimit, stack: ee.CallStack}
	}
	if ts := stateOf(th); ts != nil && ts.keyboard.CompareAndSwap(true, false) {
		rt.keyboardPending.Store(0)
		th.Uncancel()
		return &exception{typ: exc[pyexc.KeyboardInterrupt], traceback: ee.CallStack, cause: err}
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
	return newExc(pyexc.RuntimeError, "%s panicked: %v", what, r)
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
		e := &exception{typ: exc[le.Kind], args: msgArgs(le.Msg), cause: err}
		if c, ok := toException(le.Cause).(*exception); ok && le.Cause != nil {
			e.causeExc, e.contextExc, e.suppressContext = c, c, true
		}
		return e
	}
	var ce *loop.CancelledError
	if errors.As(err, &ce) {
		return &exception{typ: exc[pyexc.CancelledError], args: cancelArgs(ce.Msg), cause: err}
	}
	var ge *loop.ExceptionGroup
	if errors.As(err, &ge) {
		return groupOf(ge)
	}
	var de *loop.DeadlockError
	if errors.As(err, &de) {
		return &exception{typ: exc[pyexc.RuntimeError], args: msgArgs(deadlockMessage(de)), cause: err}
	}
	var ee *starlark.EvalError
	if errors.As(err, &ee) {
		// The innermost EvalError is the one that failed: an error in a
		// loaded module, or in a function a builtin called back, is
		// wrapped by one for the load statement or the builtin's call.
		for inner := (*starlark.EvalError)(nil); errors.As(errors.Unwrap(ee), &inner); {
			ee = inner
		}
		e := &exception{typ: exc[pyexc.Exception], args: msgArgs(ee.Msg)}
		if inner := errors.Unwrap(ee); inner != nil && !errors.As(inner, new(*starlark.EvalError)) {
			e.typ, e.args = starlarkError(inner)
		}
		e.traceback, e.cause = ee.CallStack, err
		return e
	}
	if x := typedException(err); x != nil {
		return x // aio's and pyfmt's errors
	}
	return &exception{typ: exc[pyexc.Exception], args: msgArgs(err.Error()), cause: err}
}

// groupOf converts a TaskGroup's group of errors into a script's group:
// BaseExceptionGroup(ge.Msg, excs) (an ExceptionGroup when all are
// Exceptions) raised "from None", with each error converted; an
// uncatchable one among them is returned instead, to pass every try_.
func groupOf(ge *loop.ExceptionGroup) error {
	excs := make([]starlark.Value, len(ge.Errs))
	for i, err := range ge.Errs {
		e, ok := toException(err).(*exception)
		if !ok {
			return toException(err)
		}
		excs[i] = e
	}
	g, err := newExceptionGroup(exc[pyexc.BaseExceptionGroup], starlark.Tuple{starlark.String(ge.Msg), starlark.NewList(excs)}, nil)
	if err != nil {
		return err // no errors: loop.TaskGroup never makes such a group
	}
	g.suppressContext = true
	g.cause = ge
	return g
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
	if msg == loop.Expired {
		return nil
	}
	switch msg := msg.(type) {
	case nil:
		return nil
	case starlark.Value:
		return starlark.Tuple{msg}
	}
	return starlark.Tuple{starlark.String(fmt.Sprint(msg))}
}
