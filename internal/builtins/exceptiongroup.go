package builtins

import (
	"strconv"

	"github.com/asyncrun/asyncrun/pyexc"
	"go.starlark.net/starlark"
)

// ExceptionGroup and BaseExceptionGroup, as Python 3.11 has them.
//
// A group is an *exception (so raise_, try_, tasks and futures carry it as
// any other) whose group field holds its message and sub-exceptions. Its
// type is BaseExceptionGroup, or ExceptionGroup, which is both an Exception
// and a BaseExceptionGroup (see exceptionType.also). Its args are (message,
// exceptions) as given; .exceptions is a tuple.

// excGroup is what a group holds beside its args.
type excGroup struct {
	msg  string
	excs starlark.Tuple // each an *exception
}

// str returns Python's str of a group: "msg (1 sub-exception)" or "msg (N
// sub-exceptions)".
func (g *excGroup) str() string {
	s := "s"
	if len(g.excs) == 1 {
		s = ""
	}
	return g.msg + " (" + strconv.Itoa(len(g.excs)) + " sub-exception" + s + ")"
}

// newExceptionGroup is BaseExceptionGroup(message, exceptions) and
// ExceptionGroup(message, exceptions) with CPython's checks and messages:
// exceptions is a non-empty sequence of exceptions; BaseExceptionGroup of
// Exceptions only makes an ExceptionGroup; ExceptionGroup refuses a
// BaseException that is not an Exception.
func newExceptionGroup(t *exceptionType, args starlark.Tuple, kwargs []starlark.Tuple) (*exception, error) {
	if len(args) != 2 {
		return nil, newExc(pyexc.TypeError, "BaseExceptionGroup.__new__() takes exactly 2 arguments (%d given)", len(args))
	}
	msg, ok := args[0].(starlark.String)
	if !ok {
		return nil, newExc(pyexc.TypeError, "BaseExceptionGroup.__new__() argument 1 must be str, not %s", pyTypeName(args[0]))
	}
	seq, ok := args[1].(starlark.Indexable)
	if !ok {
		return nil, newExc(pyexc.TypeError, "second argument (exceptions) must be a sequence")
	}
	if seq.Len() == 0 {
		return nil, newExc(pyexc.ValueError, "second argument (exceptions) must be a non-empty sequence")
	}
	excs := make(starlark.Tuple, seq.Len())
	allExceptions := true
	for i := range excs {
		e, ok := seq.Index(i).(*exception)
		if !ok {
			return nil, newExc(pyexc.ValueError, "Item %d of second argument (exceptions) is not an exception", i)
		}
		allExceptions = allExceptions && e.typ.isSubtype(exc[pyexc.Exception])
		excs[i] = e
	}
	switch {
	case t == exc[pyexc.BaseExceptionGroup] && allExceptions:
		t = exc[pyexc.ExceptionGroup]
	case t == exc[pyexc.ExceptionGroup] && !allExceptions:
		return nil, newExc(pyexc.TypeError, "Cannot nest BaseExceptions in an ExceptionGroup")
	}
	if len(kwargs) > 0 {
		return nil, newExc(pyexc.TypeError, "%s() takes no keyword arguments", t.name)
	}
	return &exception{typ: t, args: starlark.Tuple{msg, args[1]}, group: &excGroup{msg: string(msg), excs: excs}}, nil
}

// groupMethods are a group's methods.
var groupMethods = newMethods(map[string]func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error){
	"derive":   groupDerive,
	"split":    groupSplit,
	"subgroup": groupSubgroup,
})

// groupAttr returns a group's attribute: message, exceptions, or a method.
func (e *exception) groupAttr(name string) starlark.Value {
	switch name {
	case "message":
		return starlark.String(e.group.msg)
	case "exceptions":
		return e.group.excs
	}
	return groupMethods.attr(e, name)
}

// groupAttrNames lists the attributes groupAttr returns.
func groupAttrNames() []string { return groupMethods.names("exceptions", "message") }

func groupRecv(b *starlark.Builtin) *exception { return b.Receiver().(*exception) }

// groupDerive is derive(excs): a new group of excs with the same message,
// made by BaseExceptionGroup (so its type follows its exceptions).
func groupDerive(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var excs starlark.Value
	if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 1, &excs); err != nil {
		return nil, err
	}
	return groupRecv(b).derive(excs)
}

func (e *exception) derive(excs starlark.Value) (*exception, error) {
	return newExceptionGroup(exc[pyexc.BaseExceptionGroup], starlark.Tuple{starlark.String(e.group.msg), excs}, nil)
}

// groupSplit is split(cond): the 2-tuple (match, rest) of subgroups, each
// None when empty.
func groupSplit(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	m, err := matcherArg(b, args, kwargs)
	if err != nil {
		return nil, err
	}
	match, rest, err := groupRecv(b).split(thread, m, true)
	if err != nil {
		return nil, err
	}
	return starlark.Tuple{excOrNone(match), excOrNone(rest)}, nil
}

// groupSubgroup is subgroup(cond): split's match alone.
func groupSubgroup(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	m, err := matcherArg(b, args, kwargs)
	if err != nil {
		return nil, err
	}
	match, _, err := groupRecv(b).split(thread, m, false)
	if err != nil {
		return nil, err
	}
	return excOrNone(match), nil
}

// matcher is the condition of split and subgroup.
type matcher func(thread *starlark.Thread, e *exception) (bool, error)

// matcherArg reads the one argument of split or subgroup: an exception
// type, a tuple of them, or a predicate function.
func matcherArg(b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (matcher, error) {
	if len(kwargs) > 0 {
		return nil, newExc(pyexc.TypeError, "%s() takes no keyword arguments", b.Name())
	}
	if len(args) != 1 {
		return nil, newExc(pyexc.TypeError, "%s expected 1 argument, got %d", b.Name(), len(args))
	}
	byType := func(types []*exceptionType) matcher {
		return func(_ *starlark.Thread, e *exception) (bool, error) { return matches(e, types), nil }
	}
	switch c := args[0].(type) {
	case *exceptionType:
		return byType([]*exceptionType{c}), nil
	case starlark.Tuple:
		types := make([]*exceptionType, len(c))
		for i, x := range c {
			t, ok := x.(*exceptionType)
			if !ok {
				return nil, newExc(pyexc.TypeError, "expected a function, exception type or tuple of exception types")
			}
			types[i] = t
		}
		return byType(types), nil
	case *class: // a type, but not an exception type
	case starlark.Callable:
		return func(thread *starlark.Thread, e *exception) (bool, error) {
			v, err := starlark.Call(thread, c, starlark.Tuple{e}, nil)
			if err != nil {
				return false, err
			}
			return bool(v.Truth()), nil
		}, nil
	}
	return nil, newExc(pyexc.TypeError, "expected a function, exception type or tuple of exception types")
}

// split splits e by m as CPython does: e itself if it matches (a group
// too); else, for a group, the subgroups of the matching and of the other
// leaves (rest only when withRest), keeping the nesting; nil for an empty
// side.
func (e *exception) split(thread *starlark.Thread, m matcher, withRest bool) (match, rest *exception, err error) {
	ok, err := m(thread, e)
	switch {
	case err != nil:
		return nil, nil, err
	case ok:
		return e, nil, nil
	case e.group == nil:
		if withRest {
			rest = e
		}
		return nil, rest, nil
	}
	var matched, others []starlark.Value
	for _, sub := range e.group.excs {
		sm, sr, err := sub.(*exception).split(thread, m, withRest)
		if err != nil {
			return nil, nil, err
		}
		if sm != nil {
			matched = append(matched, sm)
		}
		if sr != nil {
			others = append(others, sr)
		}
	}
	return e.subset(matched), e.subset(others), nil
}

// subset returns the group derived from e with excs, carrying e's
// traceback, __cause__ and __context__ (and __suppress_context__ set, as
// CPython's copy of the cause sets it), or nil for no excs.
func (e *exception) subset(excs []starlark.Value) *exception {
	if len(excs) == 0 {
		return nil
	}
	g, err := e.derive(starlark.NewList(excs))
	if err != nil {
		panic(err) // excs are exceptions, and at least one
	}
	g.traceback, g.tasks = e.traceback, e.tasks
	g.causeExc, g.contextExc, g.suppressContext = e.causeExc, e.contextExc, true
	return g
}
