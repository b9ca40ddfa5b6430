package builtins

import (
	"errors"
	"fmt"
	"hash/fnv"
	"strings"

	"github.com/asyncrun/asyncrun/loop"
	"go.starlark.net/starlark"
)

// ExceptionType is an exception class: callable to make an Exception,
// usable as a key of try_'s except_ dict, and comparable by identity.
type ExceptionType struct {
	name   string
	base   *ExceptionType
	module string
}

var (
	_ starlark.Callable = (*ExceptionType)(nil)
	_ starlark.HasAttrs = (*ExceptionType)(nil)
)

// The exception hierarchy of Python 3.11 that scripts see.
type excTypes struct {
	BaseException, Exception, RuntimeError, ValueError, TypeError,
	CancelledError, TimeoutError, InvalidStateError, KeyError,
	ZeroDivisionError, NotImplementedError *ExceptionType
}

func newExcTypes() *excTypes {
	var e excTypes
	e.BaseException = &ExceptionType{name: "BaseException"}
	e.Exception = &ExceptionType{name: "Exception", base: e.BaseException}
	sub := func(name string, base *ExceptionType, module string) *ExceptionType {
		return &ExceptionType{name: name, base: base, module: module}
	}
	e.RuntimeError = sub("RuntimeError", e.Exception, "")
	e.NotImplementedError = sub("NotImplementedError", e.RuntimeError, "")
	e.ValueError = sub("ValueError", e.Exception, "")
	e.TypeError = sub("TypeError", e.Exception, "")
	e.KeyError = sub("KeyError", e.Exception, "")
	e.ZeroDivisionError = sub("ZeroDivisionError", e.Exception, "")
	e.TimeoutError = sub("TimeoutError", e.Exception, "asyncio")
	e.InvalidStateError = sub("InvalidStateError", e.Exception, "asyncio")
	e.CancelledError = sub("CancelledError", e.BaseException, "asyncio")
	return &e
}

// exc is shared by all runtimes: exception types are immutable values.
var exc = newExcTypes()

// Name returns the type's name, such as "ValueError".
func (t *ExceptionType) Name() string { return t.name }

func (t *ExceptionType) String() string {
	if t.module != "" {
		return "<class '" + t.module + "." + t.name + "'>"
	}
	return "<class '" + t.name + "'>"
}
func (t *ExceptionType) Type() string         { return "type" }
func (t *ExceptionType) Freeze()              {}
func (t *ExceptionType) Truth() starlark.Bool { return true }
func (t *ExceptionType) Hash() (uint32, error) {
	h := fnv.New32a()
	h.Write([]byte(t.name))
	return h.Sum32(), nil
}

// Attr supports __name__.
func (t *ExceptionType) Attr(name string) (starlark.Value, error) {
	if name == "__name__" {
		return starlark.String(t.name), nil
	}
	return nil, nil
}

// AttrNames lists the type's attributes.
func (t *ExceptionType) AttrNames() []string { return []string{"__name__"} }

// IsSubtype reports whether t is u or derives from it.
func (t *ExceptionType) IsSubtype(u *ExceptionType) bool {
	for ; t != nil; t = t.base {
		if t == u {
			return true
		}
	}
	return false
}

// CallInternal makes an exception: T(), T("message"), T(arg, ...).
func (t *ExceptionType) CallInternal(thread *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(kwargs) > 0 {
		return nil, fmt.Errorf("%s() takes no keyword arguments", t.name)
	}
	return newException(t, args), nil
}

// Exception is an exception value. It is also a Go error, so raise_ returns
// it and try_ finds it again with errors.As; str() gives its message and
// type() its type's name.
type Exception struct {
	typ  *ExceptionType
	args starlark.Tuple
	// Traceback is where the exception was raised, most recent call last;
	// set when it first crosses a Starlark frame.
	Traceback starlark.CallStack
	// Cause is the Starlark or Go error this exception was made from, if any.
	Cause error
	// tasks holds, outermost first, the tasks the exception ended on its way
	// up, with the frames it went through in each.
	tasks []taskFrames
}

type taskFrames struct {
	label  string
	frames starlark.CallStack
}

// addTask records that the exception ended a task, after passing through
// the given frames of it.
func (e *Exception) addTask(label string, frames starlark.CallStack) {
	e.tasks = append([]taskFrames{{label, frames}}, e.tasks...)
}

var (
	_ starlark.HasAttrs = (*Exception)(nil)
	_ loop.Cancellation = (*Exception)(nil)
)

func newException(t *ExceptionType, args starlark.Tuple) *Exception {
	return &Exception{typ: t, args: args}
}

func newExc(t *ExceptionType, format string, a ...any) *Exception {
	return newException(t, starlark.Tuple{starlark.String(fmt.Sprintf(format, a...))})
}

// TypeOf returns the exception's type.
func (e *Exception) TypeOf() *ExceptionType { return e.typ }

// Message returns str(e): the single argument, or the tuple of them.
func (e *Exception) Message() string {
	switch len(e.args) {
	case 0:
		return ""
	case 1:
		if e.typ == exc.KeyError {
			return reprValue(e.args[0]) // as CPython: str(KeyError('k')) is "'k'"
		}
		if s, ok := starlark.AsString(e.args[0]); ok {
			return s
		}
		return e.args[0].String()
	}
	return e.args.String()
}

// Error returns "Type: message", or "Type" when there is no message.
func (e *Exception) Error() string {
	if m := e.Message(); m != "" {
		return e.typ.name + ": " + m
	}
	return e.typ.name
}

// Unwrap returns the error the exception was made from.
func (e *Exception) Unwrap() error { return e.Cause }

// IsCancellation reports whether e is a CancelledError, so that a task whose
// body raises it ends cancelled.
func (e *Exception) IsCancellation() bool { return e.typ.IsSubtype(exc.CancelledError) }

func (e *Exception) String() string        { return e.Message() }
func (e *Exception) Type() string          { return e.typ.name }
func (e *Exception) Freeze()               {}
func (e *Exception) Truth() starlark.Bool  { return true }
func (e *Exception) Hash() (uint32, error) { return 0, fmt.Errorf("unhashable: %s", e.typ.name) }

// Attr supports args and the Python-style repr via __repr__-less fields.
func (e *Exception) Attr(name string) (starlark.Value, error) {
	switch name {
	case "args":
		return e.args, nil
	case "__class__":
		return e.typ, nil
	}
	return nil, nil
}

// AttrNames lists the exception's attributes.
func (e *Exception) AttrNames() []string { return []string{"__class__", "args"} }

// Repr returns Python's repr, such as ValueError('boom').
func (e *Exception) Repr() string {
	parts := make([]string, len(e.args))
	for i, a := range e.args {
		if s, ok := a.(starlark.String); ok {
			parts[i] = pyQuote(string(s))
		} else {
			parts[i] = a.String()
		}
	}
	return e.typ.name + "(" + strings.Join(parts, ", ") + ")"
}

func pyQuote(s string) string {
	if strings.Contains(s, "'") && !strings.Contains(s, `"`) {
		return `"` + s + `"`
	}
	return "'" + strings.ReplaceAll(strings.ReplaceAll(s, `\`, `\\`), "'", `\'`) + "'"
}

// toException turns any error that reaches a script into an Exception value:
// exceptions raised by raise_ (found through Starlark's EvalError), the
// loop's own errors, and Starlark errors (fail, 1 // 0, ...), which become
// Exception (or ZeroDivisionError) carrying their message and traceback.
// Starlark's cancellation of a thread (interrupt, step limit) and loop
// destruction are returned as they are: no script may catch them.
func toException(err error) error {
	if err == nil || isAbort(err) || errors.Is(err, loop.ErrDestroyed) {
		return err
	}
	var e *Exception
	if errors.As(err, &e) {
		var ee *starlark.EvalError
		if e.Traceback == nil && errors.As(err, &ee) {
			e.Traceback = ee.CallStack
		}
		return e
	}
	var le *loop.Error
	if errors.As(err, &le) {
		return &Exception{typ: loopKind(le.Kind), args: msgArgs(le.Msg), Cause: err}
	}
	var ce *loop.CancelledError
	if errors.As(err, &ce) {
		return &Exception{typ: exc.CancelledError, args: msgArgs(ce.Msg), Cause: err}
	}
	var de *loop.DeadlockError
	if errors.As(err, &de) {
		return &Exception{typ: exc.RuntimeError, args: msgArgs(deadlockMessage(de)), Cause: err}
	}
	t := exc.Exception
	msg := err.Error()
	var ee *starlark.EvalError
	if errors.As(err, &ee) {
		msg = ee.Msg
		if cause := errors.Unwrap(ee); cause != nil && !errors.As(cause, new(*starlark.EvalError)) {
			msg = cause.Error()
		}
		if strings.Contains(msg, "division by zero") {
			t = exc.ZeroDivisionError
		}
		return &Exception{typ: t, args: msgArgs(msg), Traceback: ee.CallStack, Cause: err}
	}
	return &Exception{typ: t, args: msgArgs(msg), Cause: err}
}

// emptyCancelMsg stands for cancel(""): package loop has one string for a
// cancel message, where "" means none, but CPython tells cancel("") (args
// ("",)) from cancel() (args ()).
const emptyCancelMsg = "\x00"

func msgArgs(msg string) starlark.Tuple {
	switch msg {
	case "":
		return nil
	case emptyCancelMsg:
		return starlark.Tuple{starlark.String("")}
	}
	return starlark.Tuple{starlark.String(msg)}
}

func loopKind(k loop.Kind) *ExceptionType {
	switch k {
	case loop.InvalidStateError:
		return exc.InvalidStateError
	case loop.ValueError:
		return exc.ValueError
	case loop.TypeError:
		return exc.TypeError
	case loop.TimeoutError:
		return exc.TimeoutError
	}
	return exc.RuntimeError
}

// raise_(exc) raises an exception value, or a type (raised with no message).
func raise_(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var v starlark.Value
	if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 1, &v); err != nil {
		return nil, err
	}
	switch v := v.(type) {
	case *Exception:
		return nil, v
	case *ExceptionType:
		return nil, newException(v, nil)
	}
	return nil, newExc(exc.TypeError, "raise_: exceptions must derive from BaseException, got %s", v.Type())
}

// catchable reports whether a handler for any of types takes e.
func matches(e *Exception, types []*ExceptionType) bool {
	for _, t := range types {
		if e.typ.IsSubtype(t) {
			return true
		}
	}
	return false
}

// IsCancelled reports whether err is, or wraps, a CancelledError.
func IsCancelled(err error) bool { return loop.IsCancellation(err) }
