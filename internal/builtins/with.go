package builtins

import (
	"github.com/asyncrun/asyncrun/pyexc"
	"go.starlark.net/starlark"
)

// with_(cm, body) is Python's with and async with statements: it enters cm,
// calls body(value) (or body() when body takes no parameter), exits cm with
// the exception body raised, if any, and returns body's value; an exit that
// suppresses the exception makes with_ return None.
//
// cm is one of the runtime's own context managers (a Lock, a TaskGroup,
// ...: see ContextManager), or any value with __aenter__ and __aexit__
// (awaited inline, as await_ does, so with_ may suspend) or __enter__ and
// __exit__ attributes, such as a struct a script builds. Those are called
// without a self argument: __enter__() and __exit__(exc_type, exc, tb),
// with tb always None.
func with_(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var cm starlark.Value
	var body starlark.Callable
	if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 2, &cm, &body); err != nil {
		return nil, err
	}
	mgr, err := managerOf(cm)
	if err != nil {
		return nil, err
	}
	v, err := mgr.Enter(thread)
	if err != nil {
		return nil, err
	}
	var bodyArgs starlark.Tuple
	if takesArg(body) {
		bodyArgs = starlark.Tuple{v}
	}
	result, err := starlark.Call(thread, body, bodyArgs, nil)
	if err = rtOf(thread).checkAbort(thread, err); uncatchable(err) {
		return nil, err
	}
	if err != nil {
		err = toException(err)
	}
	if xerr := mgr.Exit(thread, err); xerr != nil {
		return nil, xerr
	}
	if err != nil {
		return starlark.None, nil // suppressed
	}
	return result, nil
}

// ContextManager is a context manager with_ takes: enter returns the value
// given to the body; exit gets the body's exception (nil if none) and
// returns the error with_ raises: nil to go on (suppressing the exception,
// if there was one), the exception itself to let it through, or another.
// enter and exit may suspend the current task.
type ContextManager interface {
	Enter(thread *starlark.Thread) (starlark.Value, error)
	Exit(thread *starlark.Thread, err error) error
}

// managerOf returns cm as a ContextManager: itself, or its attributes.
func managerOf(cm starlark.Value) (ContextManager, error) {
	if m, ok := cm.(ContextManager); ok {
		return m, nil
	}
	if ha, ok := cm.(starlark.HasAttrs); ok {
		for _, names := range [][2]string{{"__aenter__", "__aexit__"}, {"__enter__", "__exit__"}} {
			enter, _ := ha.Attr(names[0])
			exit, _ := ha.Attr(names[1])
			if enter != nil && exit != nil {
				return &attrManager{enterFn: enter, exitFn: exit, async: names[0] == "__aenter__"}, nil
			}
		}
	}
	return nil, newExc(pyexc.TypeError, "'%s' object does not support the context manager protocol", cm.Type())
}

// attrManager is a context manager given by attributes.
type attrManager struct {
	enterFn, exitFn starlark.Value
	async           bool
}

func (m *attrManager) call(thread *starlark.Thread, fn starlark.Value, args starlark.Tuple) (starlark.Value, error) {
	v, err := starlark.Call(thread, fn, args, nil)
	if err != nil || !m.async {
		return v, err
	}
	return await_(thread, starlark.Tuple{v}, nil)
}

func (m *attrManager) Enter(thread *starlark.Thread) (starlark.Value, error) {
	return m.call(thread, m.enterFn, nil)
}

func (m *attrManager) Exit(thread *starlark.Thread, err error) error {
	args := starlark.Tuple{starlark.None, starlark.None, starlark.None}
	e, isExc := err.(*exception)
	if isExc {
		args = starlark.Tuple{e.typ, e, starlark.None}
	}
	v, xerr := m.call(thread, m.exitFn, args)
	switch {
	case xerr != nil:
		return xerr
	case isExc && !bool(v.Truth()):
		return err
	}
	return nil
}

// takesArg reports whether with_ passes the entered value to body: unless
// body is a Starlark function without parameters.
func takesArg(body starlark.Callable) bool {
	if f, ok := body.(*starlark.Function); ok {
		return f.NumParams() > 0 || f.HasVarargs()
	}
	return true
}
