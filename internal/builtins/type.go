package builtins

import (
	"github.com/asyncrun/asyncrun/pyexc"
	"go.starlark.net/starlark"
)

// type_ is type(x) and Python's three-argument type(name, bases, dict).
//
// type(e) of an exception is its type, so type(e) == ValueError and
// type(e).__name__ work as in Python; of any other value it is Starlark's
// type name, a string ("int", "list"), which Starlark code relies on.
//
// type("TransientError", (ConnectionError,), {}) makes a new exception
// type, a subclass of its bases that raise_, try_, isinstance, TaskGroup
// and tracebacks treat like a predeclared one; its repr is
// <class '__main__.TransientError'>, as for a class of a Python script.
// Only exception types can be made this way: bases must be one or two
// exception types (the second as ExceptionGroup's second base), and the
// dict must be empty (a type holds no attributes or methods).
func type_(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(args) == 3 && len(kwargs) == 0 {
		return newExceptionType(args[0], args[1], args[2])
	}
	if len(args) != 1 || len(kwargs) != 0 {
		return nil, newExc(pyexc.TypeError, "type() takes 1 or 3 arguments")
	}
	if e, ok := args[0].(*exception); ok {
		return e.typ, nil
	}
	return starlark.String(args[0].Type()), nil
}

// newExceptionType is type(name, bases, dict) for exception types.
func newExceptionType(name, bases, dict starlark.Value) (starlark.Value, error) {
	n, ok := name.(starlark.String)
	if !ok {
		return nil, newExc(pyexc.TypeError, "type.__new__() argument 1 must be str, not %s", pyTypeName(name))
	}
	bt, ok := bases.(starlark.Tuple)
	if !ok {
		return nil, newExc(pyexc.TypeError, "type.__new__() argument 2 must be tuple, not %s", pyTypeName(bases))
	}
	d, ok := dict.(*starlark.Dict)
	if !ok {
		return nil, newExc(pyexc.TypeError, "type.__new__() argument 3 must be dict, not %s", pyTypeName(dict))
	}
	if d.Len() != 0 {
		return nil, newExc(pyexc.TypeError, "type(): a new exception type takes no attributes here: pass {} (asyncrun's types hold no methods or attributes)")
	}
	var ts []*exceptionType
	for _, x := range bt {
		t, ok := x.(*exceptionType)
		if !ok {
			return nil, newExc(pyexc.TypeError, "type(): asyncrun makes exception types only: each base must be an exception type, not %s (use struct for records)", pyTypeName(x))
		}
		ts = append(ts, t)
	}
	if len(ts) == 0 || len(ts) > 2 {
		return nil, newExc(pyexc.TypeError, "type(): asyncrun makes exception types only: give one exception type as base, as type(%s, (Exception,), {})", pyQuote(string(n)))
	}
	t := &exceptionType{name: string(n), base: ts[0], module: "__main__"}
	if len(ts) == 2 {
		t.also = ts[1]
	}
	return t, nil
}
