package builtins

import (
	"errors"
	"fmt"
	"hash/fnv"
	"sort"
	"unsafe"

	"github.com/asyncrun/asyncrun/loop"
	"github.com/asyncrun/asyncrun/pyexc"
	"go.starlark.net/starlark"
)

// exceptionType is an exception class: callable to make an exception,
// usable as a key of try_'s except_ dict, and comparable by identity.
//
// A type has one base, as the chain Python's MRO follows, and at most one
// more: also. Only ExceptionGroup has one (it is both an Exception and a
// BaseExceptionGroup, as in CPython); isSubtype, and so try_ and
// isinstance, follow both.
type exceptionType struct {
	name   string
	base   *exceptionType
	also   *exceptionType // a second base, or nil
	module string         // "asyncio" for asyncio's own types, else ""
}

var (
	_ starlark.Callable = (*exceptionType)(nil)
	_ starlark.HasAttrs = (*exceptionType)(nil)
)

// excTypes holds the exception types scripts see, one for each kind of
// package pyexc, in Python 3.11's hierarchy. They are immutable values,
// shared by all runtimes.
type excTypes [pyexc.NumKinds]*exceptionType

// exc is the one table of exception types: every other place (predeclared
// names, the asyncio module, the kinds of loop's and aio's errors,
// NewException) reads it. It is made from pyexc's table, so a new type is
// one row there.
var exc = newExcTypes()

func newExcTypes() *excTypes {
	e := &excTypes{}
	for k := range pyexc.NumKinds {
		info := k.Info()
		t := &exceptionType{name: info.Name, module: info.Module}
		if info.Base != k {
			t.base = e[info.Base] // bases come before their subtypes
		}
		e[k] = t
	}
	// The one second base (see exceptionType.also).
	e[pyexc.ExceptionGroup].also = e[pyexc.BaseExceptionGroup]
	return e
}

// kindOf returns the kind of t or, for a type a script made, of its
// nearest base that is one.
func (e *excTypes) kindOf(t *exceptionType) pyexc.Kind {
	for ; t != nil; t = t.base {
		for k, u := range e {
			if u == t {
				return pyexc.Kind(k)
			}
		}
	}
	return pyexc.Exception
}

// members returns the types of module ("" for the predeclared ones) by
// name. TimeoutError is both: Python 3.11 has one type.
func (e *excTypes) members(module string) starlark.StringDict {
	d := starlark.StringDict{}
	for _, t := range e {
		if t.module == module || (module == "asyncio" && t == e[pyexc.TimeoutError]) {
			d[t.name] = t
		}
	}
	return d
}

func (t *exceptionType) Name() string { return t.name }

// String is the type's repr, as CPython's: <class 'ValueError'>,
// <class 'asyncio.exceptions.CancelledError'>, <class '__main__.Mine'>.
func (t *exceptionType) String() string {
	if t.module == "__main__" {
		return "<class '__main__." + t.name + "'>"
	}
	return "<class '" + t.qualName() + "'>"
}

// qualName is the type's name as a traceback's last line writes it:
// qualified by the module CPython defines it in (asyncio.exceptions,
// asyncio.queues, socket), bare for builtins and a script's own types.
func (t *exceptionType) qualName() string {
	switch {
	case t.module == "asyncio" && (t == exc[pyexc.QueueEmpty] || t == exc[pyexc.QueueFull]):
		return "asyncio.queues." + t.name
	case t.module == "asyncio":
		return "asyncio.exceptions." + t.name
	case t.module != "" && t.module != "__main__":
		return t.module + "." + t.name
	}
	return t.name
}
func (t *exceptionType) Type() string         { return "type" }
func (t *exceptionType) Freeze()              {}
func (t *exceptionType) Truth() starlark.Bool { return true }
func (t *exceptionType) Hash() (uint32, error) {
	h := fnv.New32a()
	h.Write([]byte(t.name))
	return h.Sum32(), nil
}

// Attr supports __name__.
func (t *exceptionType) Attr(name string) (starlark.Value, error) {
	if name == "__name__" {
		return starlark.String(t.name), nil
	}
	return nil, nil
}

func (t *exceptionType) AttrNames() []string { return []string{"__name__"} }

// isSubtype reports whether t is u or derives from it, through its base or
// its second base.
func (t *exceptionType) isSubtype(u *exceptionType) bool {
	for ; t != nil; t = t.base {
		if t == u || (t.also != nil && t.also.isSubtype(u)) {
			return true
		}
	}
	return false
}

// CallInternal makes an exception: T(), T("message"), T(arg, ...); a group
// type takes (message, exceptions) (see newExceptionGroup).
func (t *exceptionType) CallInternal(thread *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if t.isSubtype(exc[pyexc.BaseExceptionGroup]) {
		return newExceptionGroup(t, args, kwargs)
	}
	if len(kwargs) > 0 {
		return nil, newExc(pyexc.TypeError, "%s() takes no keyword arguments", t.name)
	}
	if t.isSubtype(exc[pyexc.OSError]) {
		return newOSError(t, args), nil
	}
	if mk := streamErrors[t]; mk != nil {
		return mk(args)
	}
	return &exception{typ: t, args: args}, nil
}

// exception is an exception value. It is also a Go error, so raise_ returns
// it and try_ finds it again with errors.As; str() gives its message and
// type() its type's name.
type exception struct {
	typ  *exceptionType
	args starlark.Tuple
	// traceback is where the exception was raised, most recent call last;
	// set when it first crosses a Starlark frame.
	traceback starlark.CallStack
	// cause is the Starlark or Go error this exception was made from, if any.
	cause error
	// tasks holds, outermost first, the tasks the exception ended on its way
	// up, with the frames it went through in each.
	tasks []taskFrames
	// group is what an ExceptionGroup or BaseExceptionGroup holds (nil for
	// other exceptions): see exceptiongroup.go.
	group *excGroup
	// os holds an OSError's errno, strerror and filename (nil for other
	// exceptions): see oserror.go.
	os *osError
	// causeExc, contextExc and suppressContext are Python's __cause__,
	// __context__ and __suppress_context__: plain fields, set where the
	// runtime itself chains exceptions (a TaskGroup raises its group "from
	// None", a Timeout its TimeoutError "from" the CancelledError) and
	// copied by split and subgroup; tracebacks print the chain (FormatError).
	causeExc, contextExc *exception
	suppressContext      bool
	// attrs holds the attributes of asyncio's stream errors (partial and
	// expected, consumed): see streamerrors.go.
	attrs starlark.StringDict
}

type taskFrames struct {
	label  string
	frames starlark.CallStack
}

// addTask records that the exception ended a task, after passing through
// the given frames of it.
func (e *exception) addTask(label string, frames starlark.CallStack) {
	e.tasks = append([]taskFrames{{label, frames}}, e.tasks...)
}

var (
	_ starlark.HasAttrs = (*exception)(nil)
	_ loop.Cancellation = (*exception)(nil)
)

// newExc returns an exception of kind k with a formatted message.
func newExc(k pyexc.Kind, format string, a ...any) *exception {
	return &exception{typ: exc[k], args: starlark.Tuple{starlark.String(fmt.Sprintf(format, a...))}}
}

// message returns str(e): the single argument, or the tuple of them; a
// group's "msg (N sub-exceptions)".
func (e *exception) message() string {
	if e.group != nil {
		return e.group.str()
	}
	if m, ok := e.os.message(); ok {
		return m
	}
	switch len(e.args) {
	case 0:
		return ""
	case 1:
		if e.typ == exc[pyexc.KeyError] {
			return reprValue(e.args[0]) // as CPython: str(KeyError('k')) is "'k'"
		}
		return strValue(e.args[0])
	}
	return reprValue(e.args)
}

// Error returns "Type: message", or "Type" when there is no message.
func (e *exception) Error() string {
	if m := e.message(); m != "" {
		return e.typ.name + ": " + m
	}
	return e.typ.name
}

// tracebackLine is the last line of e's traceback, as CPython writes it:
// the qualified type name (asyncio.exceptions.CancelledError), then the
// message.
func (e *exception) tracebackLine() string {
	if m := e.message(); m != "" {
		return e.typ.qualName() + ": " + m
	}
	return e.typ.qualName()
}

// Unwrap returns the error the exception was made from.
func (e *exception) Unwrap() error { return e.cause }

// IsCancellation reports whether e is a CancelledError, so that a task whose
// body raises it ends cancelled.
func (e *exception) IsCancellation() bool { return e.typ.isSubtype(exc[pyexc.CancelledError]) }

func (e *exception) String() string        { return e.message() }
func (e *exception) Type() string          { return e.typ.name }
func (e *exception) Freeze()               {}
func (e *exception) Truth() starlark.Bool  { return true }
func (e *exception) Hash() (uint32, error) { return uint32(uintptr(unsafe.Pointer(e)) >> 3), nil }

// Attr returns args, __class__, __cause__, __context__ and
// __suppress_context__, and a group's attributes (see groupAttr).
func (e *exception) Attr(name string) (starlark.Value, error) {
	switch name {
	case "args":
		return e.args, nil
	case "__class__":
		return e.typ, nil
	case "__cause__":
		return excOrNone(e.causeExc), nil
	case "__context__":
		return excOrNone(e.contextExc), nil
	case "__suppress_context__":
		return starlark.Bool(e.suppressContext), nil
	}
	if e.group != nil {
		return e.groupAttr(name), nil
	}
	if v, ok := e.attrs[name]; ok {
		return v, nil
	}
	if e.typ.isSubtype(exc[pyexc.OSError]) {
		return e.os.attr(name), nil
	}
	return nil, nil
}

// AttrNames lists the attributes.
func (e *exception) AttrNames() []string {
	names := []string{"__cause__", "__class__", "__context__", "__suppress_context__", "args"}
	if e.group != nil {
		names = append(names, groupAttrNames()...)
	}
	if e.typ.isSubtype(exc[pyexc.OSError]) {
		names = append(names, "errno", "filename", "strerror")
	}
	names = append(names, e.attrs.Keys()...)
	sort.Strings(names)
	return names
}

// excOrNone returns e, or None for nil.
func excOrNone(e *exception) starlark.Value {
	if e == nil {
		return starlark.None
	}
	return e
}

// repr returns Python's repr, such as ValueError('boom').
func (e *exception) repr() string { return reprValue(e) }

// raise_(exc=None, from_=...) is Python's raise statement: it raises an
// exception value, or a type (called with no arguments). Raised while
// another exception is being handled, the exception takes it as
// __context__. from_=cause sets __cause__ (and __suppress_context__), as
// `raise exc from cause`; from_=None only suppresses the context. With no
// exception, it re-raises the exception being handled (a bare raise).
func raise_(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var v, from starlark.Value
	if err := starlark.UnpackArgs(b.Name(), args, kwargs, "exc?", &v, "from_?", &from); err != nil {
		return nil, err
	}
	ts := stateOf(thread)
	if v == nil {
		if e := ts.handlingNow(); e != nil {
			return nil, e
		}
		return nil, newExc(pyexc.RuntimeError, "No active exception to reraise")
	}
	e, err := exceptionOf(thread, v)
	if err == errNotException {
		return nil, newExc(pyexc.TypeError, "exceptions must derive from BaseException")
	} else if err != nil {
		return nil, err // calling the type failed, as Python's raise T does
	}
	if from != nil {
		if from == starlark.None {
			e.causeExc = nil
		} else if e.causeExc, err = exceptionOf(thread, from); err != nil {
			return nil, newExc(pyexc.TypeError, "exception causes must derive from BaseException")
		}
		e.suppressContext = true
	}
	if ctx := ts.handlingNow(); ctx != nil && ctx != e {
		e.setContext(ctx)
	}
	return nil, e
}

// assert_(cond, msg) is Python's assert statement: an AssertionError when
// cond is false, with args () when msg is omitted and (msg,) otherwise
// (even None). Unlike Python's assert, msg is evaluated before the call.
func assert_(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var cond, msg starlark.Value
	if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 1, &cond, &msg); err != nil {
		return nil, err
	}
	if cond.Truth() {
		return starlark.None, nil
	}
	e := &exception{typ: exc[pyexc.AssertionError]}
	if msg != nil {
		e.args = starlark.Tuple{msg}
	}
	if ctx := stateOf(thread).handlingNow(); ctx != nil {
		e.setContext(ctx)
	}
	return nil, e
}

// exceptionOf returns v as an exception to raise: v itself, or a new one
// of type v.
func exceptionOf(thread *starlark.Thread, v starlark.Value) (*exception, error) {
	switch v := v.(type) {
	case *exception:
		return v, nil
	case *exceptionType:
		x, err := v.CallInternal(thread, nil, nil)
		if err != nil {
			return nil, err
		}
		return x.(*exception), nil
	}
	return nil, errNotException
}

var errNotException = errors.New("not an exception")

// setContext sets e's __context__ to ctx, cutting the cycle that would make
// (ctx's chain reaching e), as CPython does.
func (e *exception) setContext(ctx *exception) {
	for c := ctx; c != nil; c = c.contextExc {
		if c.contextExc == e {
			c.contextExc = nil
			break
		}
	}
	e.contextExc = ctx
}

// matches reports whether a handler for any of types takes e.
func matches(e *exception, types []*exceptionType) bool {
	for _, t := range types {
		if e.typ.isSubtype(t) {
			return true
		}
	}
	return false
}
