package builtins

import "github.com/asyncrun/asyncrun/pyexc"

import (
	"errors"
	"strings"

	"github.com/asyncrun/asyncrun/loop"
	"go.starlark.net/starlark"
)

// The hooks the parts (package locks and the others beside the core) build
// their values on: an object identity, a class, and the suspension protocol
// of a method that CPython declares `async def`.

// object is what the primitives' values share: truth, hashing by identity,
// and nothing to freeze (they change only through their methods, as
// Python's objects do).
type Object struct{ id uint32 }

func (o *Object) Freeze()               {}
func (o *Object) Truth() starlark.Bool  { return true }
func (o *Object) Hash() (uint32, error) { return o.id, nil }

// NewObject returns the object part of a new value made on thread.
func NewObject(thread *starlark.Thread) (Object, error) {
	rt := rtOf(thread)
	if rt == nil {
		return Object{}, errForeignThread
	}
	return Object{rt.nextID()}, nil
}

// suspending returns the coroutine that a method CPython declares `async
// def` returns: named name (CPython's qualified name, "StreamReader.read"),
// its body runs op, a loop operation of the awaiting task, under the
// suspension protocol. op's value must be a Starlark value, or nil for
// None. The primitives' methods use AwaitOp instead.
func suspending(name string, op func(t *loop.Task) (any, error)) *coroutine {
	return &coroutine{name: name, native: func(th *starlark.Thread, t *loop.Task) (starlark.Value, error) {
		return stateOf(th).rt.suspend(th, t, func() (any, error) { return op(t) })
	}}
}

// AwaitOp is what a primitive's method that CPython declares `async def`
// (Lock.acquire, Queue.get, ...) does when its coroutine runs. The
// coroutine carries it in its result field and the method's arguments in
// its args (see OpCoroutine), so that calling the method makes one object,
// the coroutine, and no closure. await_ runs the op straight away (see
// awaitNativeInTask), and the op does at once what needs no wait, as CPython's
// coroutine does before its first await: Queue.get on a queue that holds
// an item, Lock.acquire of a free lock nobody waits for. Only when it must
// wait does it suspend the task (see AwaitIn).
//
// An op is a one-pointer struct over the primitive's value, so that it
// fits in an interface without an allocation; it is a starlark.Value only
// to fit in the coroutine's field, and never reaches a script.
type AwaitOp interface {
	starlark.Value
	// qualname is CPython's qualified name of the method ("Lock.acquire"),
	// the name of its coroutine.
	Qualname() string
	// await runs the op in task t with the method's arguments.
	Await(thread *starlark.Thread, t *loop.Task, args starlark.Tuple) (starlark.Value, error)
}

// OpCoroutine returns the coroutine of op called with args.
func OpCoroutine(op AwaitOp, args starlark.Tuple) *coroutine {
	return &coroutine{name: op.Qualname(), native: opBody, result: op, args: args}
}

// opBody is the native body of OpCoroutine's coroutines. It is never
// called: coroutine.runNative runs the op in its result field instead.
// It is there because a coroutine written in Go has a native body.
func opBody(*starlark.Thread, *loop.Task) (starlark.Value, error) {
	return nil, errors.New("asyncrun: an AwaitOp's coroutine ran without its op")
}

// runOp runs the op of coroutine co, made by OpCoroutine, in task t. The
// arguments are dropped once passed, as in coroutine.run.
func runOp(thread *starlark.Thread, t *loop.Task, co *coroutine, op AwaitOp) (starlark.Value, error) {
	args := co.args
	co.args = nil
	return op.Await(thread, t, args)
}

// AwaitIn is the slow path of an op: run the loop operation wait, which
// may suspend t, under the suspension protocol. wait's value must be a
// Starlark value, or nil for None.
func AwaitIn(thread *starlark.Thread, t *loop.Task, wait func() (any, error)) (starlark.Value, error) {
	rt := taskState(thread, t).rt
	rt.park(thread, t)
	v, err := wait()
	return rt.resume(thread, v, err)
}

// Attr returns method name bound to recv, or nil, binding it once per
// Object: bound is recv's BoundMethods.
func (m *MethodSet) Attr(bound *BoundMethods, recv starlark.Value, name string) starlark.Value {
	return m.attr(bound, recv, name)
}

// Names returns the sorted names of the methods, with extra (attributes
// that are not methods) among them.
func (m methods) Names(extra ...string) []string { return m.names(extra...) }

// Exc is the table of exception types, for Errorf.
var Exc = exc

// Errorf returns the exception of kind k with the formatted message.
func Errorf(k pyexc.Kind, format string, a ...any) error { return newExc(k, format, a...) }

// ToException returns err as the exception a script sees.
func ToException(err error) error { return toException(err) }

// CurrentTask returns the task whose code thread runs, or nil outside tasks.
func CurrentTask(thread *starlark.Thread) *loop.Task {
	if ts := stateOf(thread); ts != nil && ts.task != nil {
		return ts.task.f.Task()
	}
	return nil
}

// WriteRepr writes Python's repr of v to b.
func WriteRepr(b *strings.Builder, v starlark.Value) { writeRepr(b, v, nil) }

// TypeName is Python's name of v's type.
func TypeName(v starlark.Value) string { return pyTypeName(v) }

// NewBuiltin returns the builtin name that calls fn, with the runtime's
// recovery from panics.
func NewBuiltin(name string, fn func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error)) *starlark.Builtin {
	return newBuiltin(name, fn)
}

// ModuleClass returns the class module.name (contextvars.Token, say) whose
// call is fn and whose class attributes are attrs.
func ModuleClass(module, name string, fn func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error), attrs starlark.StringDict) starlark.Value {
	return &class{name: name, module: module, call: newBuiltin(name, fn), attrs: attrs}
}

// NewExceptionArgs returns the exception a script's call of the type of
// kind k with args makes: LookupError(var), say, whose argument is a value
// rather than a message.
func NewExceptionArgs(k pyexc.Kind, args ...starlark.Value) error {
	v, err := exc[k].CallInternal(nil, args, nil)
	if err != nil {
		return err
	}
	return v.(*exception)
}

// OSErrorOf returns the OSError a Go error stands for, as a failed write
// to the interpreter's output raises it: the subclass of its errno with
// the system's message, or an OSError with the error's text.
func OSErrorOf(err error) error { return osErrorOf(err) }

// Clock returns the clock of thread's runtime, virtual or real.
func Clock(thread *starlark.Thread) *loop.Clock { return rtOf(thread).clock }

// ExceptionTypes returns the exception types of module by name ("socket",
// say), for a part that makes that module.
func ExceptionTypes(module string) starlark.StringDict { return exc.members(module) }

// The hooks of the structured concurrency (package tasks: TaskGroup,
// timeout, Runner) into the core.

// RunningLoop is asyncio.get_running_loop() for thread: the running loop,
// or CPython's RuntimeError "no running event loop".
func RunningLoop(thread *starlark.Thread) (*loop.Loop, error) {
	lv, err := rtOf(thread).runningLoop()
	if err != nil {
		return nil, err
	}
	return lv.l, nil
}

// CreateTask is asyncio.create_task(coro, name=name) in loop l: the task's
// script value and its loop task.
func CreateTask(thread *starlark.Thread, l *loop.Loop, coro, name starlark.Value) (starlark.Value, *loop.Task, error) {
	fv, err := createNamedTask(loopValue(l), coro, name)
	if err != nil {
		return nil, nil, err
	}
	return fv, fv.f.Task(), nil
}

// Chain makes err, an exception the runtime raises itself, raised `from
// cause` (from None when cause is nil) while context was being handled:
// it sets err's __cause__ and __context__ and its __suppress_context__.
// Errors that are not script exceptions are left as they are.
func Chain(err, cause, context error) {
	e, ok := err.(*exception)
	if !ok {
		return
	}
	e.causeExc, _ = cause.(*exception)
	e.contextExc, _ = context.(*exception)
	e.suppressContext = true
}

// IsKind reports whether err is a script exception of kind k or of a
// subclass of it.
func IsKind(err error, k pyexc.Kind) bool {
	var e *exception
	return errors.As(err, &e) && e.typ.isSubtype(exc[k])
}

// NumberArg reads the number argument what of function fn as a float: an
// int or a float, a TypeError otherwise.
func NumberArg(fn, what string, v starlark.Value) (float64, error) { return delayArg(fn, what, v) }
