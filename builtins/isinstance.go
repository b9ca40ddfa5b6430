package builtins

import "go.starlark.net/starlark"

// isinstance(x, T) and issubclass(T1, T2), as Python programs test
// exceptions: T is an exception type or a tuple of them (nested tuples
// too). For other values, isinstance compares Starlark type names: x's
// type() with T given as a string.

func isinstance(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var x, t starlark.Value
	if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 2, &x, &t); err != nil {
		return nil, err
	}
	var xt *exceptionType
	switch x := x.(type) {
	case *exception:
		xt = x.typ
	case *exceptionType:
		xt = exc.byName("type") // a type is an instance of type only
	}
	return typeMatch(b.Name(), xt, x, t)
}

func issubclass(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var x, t starlark.Value
	if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 2, &x, &t); err != nil {
		return nil, err
	}
	xt, ok := x.(*exceptionType)
	if !ok {
		return nil, newExc(exc.TypeError, "issubclass() arg 1 must be a class")
	}
	return typeMatch(b.Name(), xt, nil, t)
}

// typeMatch reports whether xt (the type of value x, nil for values that
// are not exceptions) is t or one of the types of tuple t, or a subtype.
func typeMatch(fn string, xt *exceptionType, x, t starlark.Value) (starlark.Value, error) {
	switch t := t.(type) {
	case *exceptionType:
		return starlark.Bool(xt != nil && xt.isSubtype(t)), nil
	case starlark.String:
		if x != nil && xt == nil {
			return starlark.Bool(x.Type() == string(t)), nil
		}
		return starlark.False, nil
	case starlark.Tuple:
		for _, u := range t {
			ok, err := typeMatch(fn, xt, x, u)
			if err != nil {
				return nil, err
			}
			if ok == starlark.True {
				return ok, nil
			}
		}
		return starlark.False, nil
	}
	return nil, newExc(exc.TypeError, "%s() arg 2 must be a type, a tuple of types, or a union", fn)
}
