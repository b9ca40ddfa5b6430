package builtins

import (
	"errors"
	"fmt"
	"syscall"

	"github.com/asyncrun/asyncrun/aio"
	"github.com/asyncrun/asyncrun/internal/pyfmt"
	"github.com/asyncrun/asyncrun/loop"
	"github.com/asyncrun/asyncrun/pyexc"
	"go.starlark.net/starlark"
)

// How the errors of package aio reach scripts, and asyncio's two stream
// errors: IncompleteReadError(partial, expected) (an EOFError, with
// .partial and .expected) and LimitOverrunError(message, consumed) (with
// .consumed), as CPython's.

// streamErrors makes the exceptions of the types whose constructors take
// more than a message.
var streamErrors = map[*exceptionType]func(args starlark.Tuple) (starlark.Value, error){
	exc[pyexc.IncompleteReadError]: newIncompleteReadError,
	exc[pyexc.LimitOverrunError]:   newLimitOverrunError,
}

// newIncompleteReadError is asyncio.IncompleteReadError(partial, expected).
func newIncompleteReadError(args starlark.Tuple) (starlark.Value, error) {
	var partial starlark.Bytes
	var expected starlark.Value
	if err := starlark.UnpackPositionalArgs("IncompleteReadError", args, nil, 2, &partial, &expected); err != nil {
		return nil, newExc(pyexc.TypeError, "%s", err)
	}
	exp := "undefined"
	if expected != starlark.None {
		exp = reprValue(expected)
	}
	msg := fmt.Sprintf("%d bytes read on a total of %s expected bytes", len(partial), exp)
	return &exception{typ: exc[pyexc.IncompleteReadError], args: starlark.Tuple{starlark.String(msg)},
		attrs: starlark.StringDict{"partial": partial, "expected": expected}}, nil
}

// newLimitOverrunError is asyncio.LimitOverrunError(message, consumed).
func newLimitOverrunError(args starlark.Tuple) (starlark.Value, error) {
	var msg starlark.Value
	var consumed int
	if err := starlark.UnpackPositionalArgs("LimitOverrunError", args, nil, 2, &msg, &consumed); err != nil {
		return nil, newExc(pyexc.TypeError, "%s", err)
	}
	return &exception{typ: exc[pyexc.LimitOverrunError], args: starlark.Tuple{msg},
		attrs: starlark.StringDict{"consumed": starlark.MakeInt(consumed)}}, nil
}

// ioError returns the exception a script gets for an error of package aio
// or of the system: each typed error as toException makes it (see
// typedException), an error with an errno as the OSError of the errno, any
// other as OSError with its text. The errors of package loop
// (cancellations, above all) are returned as they are.
func ioError(err error) error {
	if err == nil || loop.IsCancellation(err) || uncatchable(err) || errors.As(err, new(*loop.Error)) {
		return err
	}
	if x := typedException(err); x != nil {
		return x
	}
	if errors.Is(err, aio.ErrClosed) {
		return newExc(pyexc.RuntimeError, "the interpreter is closing: its I/O is closed")
	}
	if errors.As(err, new(syscall.Errno)) {
		return osErrorOf(err)
	}
	return &exception{typ: exc[pyexc.OSError], args: msgArgs(err.Error()), cause: err}
}

// typedException returns the exception of an error whose Go type names its
// Python type (a script's own exception, aio's and pyfmt's errors), or nil:
// the one table from Go error types to script exceptions, which
// toException and ioError both read.
func typedException(err error) *exception {
	var (
		e  *exception
		pe *aio.PermissionError
		ae *aio.Error
		oe *aio.OSError
		ie *aio.IncompleteReadError
		le *aio.LimitOverrunError
		ge *aio.GAIError
		fe *pyfmt.Error
	)
	switch {
	case errors.As(err, &e):
		return e
	case errors.As(err, &pe):
		return &exception{typ: exc[pyexc.PermissionError], args: msgArgs(pe.Error()), cause: err}
	case errors.As(err, &ae):
		return &exception{typ: exc[ae.Kind], args: msgArgs(ae.Msg), cause: err}
	case errors.As(err, &oe):
		args := starlark.Tuple{starlark.MakeInt(int(oe.Errno)), starlark.String(oe.Msg)}
		if oe.Filename != "" {
			args = append(args, starlark.String(oe.Filename))
		}
		x := newOSError(exc[pyexc.OSError], args)
		x.cause = err
		return x
	case errors.As(err, &ge):
		x := newOSError(exc[pyexc.Gaierror], starlark.Tuple{starlark.MakeInt(ge.Code), starlark.String(ge.Msg)})
		x.cause = err
		return x
	case errors.As(err, &ie):
		expected := starlark.Value(starlark.None)
		if ie.Expected >= 0 {
			expected = starlark.MakeInt(ie.Expected)
		}
		x, _ := newIncompleteReadError(starlark.Tuple{starlark.Bytes(ie.Partial), expected})
		return x.(*exception)
	case errors.As(err, &le):
		x, _ := newLimitOverrunError(starlark.Tuple{starlark.String(le.Msg), starlark.MakeInt(le.Consumed)})
		return x.(*exception)
	case errors.As(err, &fe):
		return newExc(fe.Kind, "%s", fe.Msg)
	}
	return nil
}
