package interp

import (
	"errors"
	"fmt"
	"strings"

	"github.com/asyncrun/asyncrun/internal/builtins"
	"github.com/asyncrun/asyncrun/pyexc"
	"go.starlark.net/resolve"
	"go.starlark.net/syntax"
)

// ErrStepLimit is the cause of a run stopped by Options.MaxSteps
// (errors.Is(err, ErrStepLimit)).
var ErrStepLimit = builtins.ErrStepLimit

// ErrClosed is returned for work submitted to an interpreter whose loop
// has stopped (RunForever returned) or is closed, and for work still pending
// when it closes.
var ErrClosed = errors.New("interp: the interpreter's event loop is closed")

// ErrTaskLimit is wrapped by the RuntimeError a script gets for creating a
// task past Options.MaxTasks.
var ErrTaskLimit = builtins.ErrTaskLimit

// ErrMemoryLimit is the cause of a run stopped by Options.MaxMemory.
var ErrMemoryLimit = errors.New("interp: the memory limit is exceeded")

// Error is a failed run: a script error (an uncaught exception, a syntax
// error, an interrupt). errors.As finds the script's *Exception in it, and
// errors.Is the context's cause or ErrStepLimit.
type Error struct {
	err    error
	ctxErr error
}

// Error returns one line: "interrupted: cause" for a run its context ended,
// else the exception's type and message ("ValueError: boom", a newline in
// the message written \n) or the compile error.
func (e *Error) Error() string {
	if e.ctxErr != nil {
		return fmt.Sprintf("interrupted: %v", e.ctxErr)
	}
	if x := e.exception(); x != nil {
		return strings.ReplaceAll(x.Error(), "\n", `\n`)
	}
	if c := compileError(e.err); c != nil {
		return c.Error()
	}
	return strings.SplitN(e.err.Error(), "\n", 2)[0]
}

// Traceback returns the full report: the traceback, then the error.
func (e *Error) Traceback() string {
	var se syntax.Error
	if errors.As(e.err, &se) {
		return se.Error() + "\n"
	}
	var rl resolve.ErrorList
	if errors.As(e.err, &rl) {
		var b strings.Builder
		for _, re := range rl {
			b.WriteString(re.Error() + "\n")
		}
		return b.String()
	}
	return builtins.FormatError(e.err)
}

// Unwrap returns the underlying errors: the script's *Exception (if it
// raised one), the runtime's error, and the context's cause when the run
// was interrupted.
func (e *Error) Unwrap() []error {
	errs := []error{e.err}
	if x := e.exception(); x != nil {
		errs = append(errs, x)
	}
	if c := compileError(e.err); c != nil {
		errs = append(errs, c)
	}
	if e.ctxErr != nil {
		errs = append(errs, e.ctxErr)
	}
	return errs
}

func (e *Error) exception() *Exception { return exceptionOf(e.err) }

// CompileError is a script that does not compile: a syntax error or an
// unknown name (found in an *Error with errors.As). Pos is where the first
// error is; Msg says what it is (with the asyncrun spelling of a Python
// keyword); Errors lists every error, one a line, for a script with
// several.
type CompileError struct {
	Pos    syntax.Position
	Msg    string
	Errors []string
}

// Error returns "file:line:col: msg".
func (c *CompileError) Error() string { return c.Pos.String() + ": " + c.Msg }

// compileError returns the CompileError err is, or nil.
func compileError(err error) *CompileError {
	var se syntax.Error
	if errors.As(err, &se) {
		return &CompileError{Pos: se.Pos, Msg: se.Msg, Errors: []string{se.Error()}}
	}
	var rl resolve.ErrorList
	if errors.As(err, &rl) && len(rl) > 0 {
		c := &CompileError{Pos: rl[0].Pos, Msg: rl[0].Msg}
		for _, re := range rl {
			c.Errors = append(c.Errors, re.Error())
		}
		return c
	}
	return nil
}

// exceptionOf returns the script exception err is or wraps, or nil.
func exceptionOf(err error) *Exception {
	if compileError(err) != nil {
		return nil
	}
	name, kind, msg, ok := builtins.ExceptionOf(err)
	if !ok {
		return nil
	}
	return &Exception{Type: name, Message: msg, traceback: builtins.FormatError(err), base: kind, baseOf: name}
}

// Exception is a Python exception: one a script raised (found in an *Error
// with errors.As), or one a host function returns to fail the way Python
// code would (see NewException).
type Exception struct {
	// Type is the exception's type name, such as "ValueError".
	Type string
	// Message is str() of the exception.
	Message   string
	traceback string
	// base is the kind of the type named baseOf, an exception a script
	// raised: for a type the script made, its nearest predeclared base.
	base   pyexc.Kind
	baseOf string
}

// NewException returns an exception of the named Python type (a
// predeclared exception type, or one of asyncio's) with a message. A host
// function returns it as its error. A name that is no such type reaches
// the script as a RuntimeError saying so.
func NewException(typeName, message string) *Exception {
	return &Exception{Type: typeName, Message: message}
}

// ErrUnknownExceptionType is wrapped by the error of an *Exception whose
// Type names no exception type the script could see.
var ErrUnknownExceptionType = errors.New("unknown exception type")

// kind returns the kind x is as a script's exception: the kind its Type
// names or, for an exception a script raised of a type it made, the kind
// of that type's nearest predeclared base.
func (x *Exception) kind() (pyexc.Kind, error) {
	if k, ok := pyexc.Lookup(x.Type); ok {
		return k, nil
	}
	if x.baseOf != "" && x.baseOf == x.Type {
		return x.base, nil
	}
	return 0, fmt.Errorf("%w '%s'", ErrUnknownExceptionType, x.Type)
}

// scriptError is the one way from an error a host function (name)
// returned to the script's exception: an *Exception becomes an exception
// of its kind, one of an unknown type a RuntimeError "name: unknown
// exception type 'T'", and any other error an Exception "name: error".
func scriptError(name string, err error) error {
	var x *Exception
	if !errors.As(err, &x) {
		return builtins.NewException(pyexc.Exception, name+": "+err.Error())
	}
	k, kerr := x.kind()
	if kerr != nil {
		return builtins.NewException(pyexc.RuntimeError, name+": "+kerr.Error())
	}
	return builtins.NewException(k, x.Message)
}

// Error returns "Type: message", or "Type" when there is no message.
func (x *Exception) Error() string {
	if x.Message == "" {
		return x.Type
	}
	return x.Type + ": " + x.Message
}

// Traceback returns where the exception was raised and the tasks it ended,
// as the CLI prints it ("" for one made by NewException).
func (x *Exception) Traceback() string { return x.traceback }

// toScript converts an error a host function returned into the script's
// exception (see scriptError).
func toScript(name string, err error) error { return scriptError(name, err) }
