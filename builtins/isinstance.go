package builtins

import "go.starlark.net/starlark"

// isinstance(x, T) and issubclass(T1, T2) for exception types, as Python
// programs test exceptions: T is an exception type or a tuple of them
// (other classes are refused: Starlark has type(x) for its own values).

// isinstance_ is isinstance(x, T): whether x is an exception of type T or
// of a subtype.
func isinstance_(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var x, t starlark.Value
	if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 2, &x, &t); err != nil {
		return nil, err
	}
	types, ok := classInfo(t)
	if !ok {
		return nil, newExc(exc.TypeError, "isinstance() arg 2 must be a type, a tuple of types, or a union")
	}
	e, ok := x.(*exception)
	return starlark.Bool(ok && matches(e, types)), nil
}

// issubclass_ is issubclass(T1, T2): whether T1 is T2 or derives from it.
func issubclass_(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var x, t starlark.Value
	if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 2, &x, &t); err != nil {
		return nil, err
	}
	sub, ok := x.(*exceptionType)
	if !ok {
		return nil, newExc(exc.TypeError, "issubclass() arg 1 must be a class")
	}
	types, ok := classInfo(t)
	if !ok {
		return nil, newExc(exc.TypeError, "issubclass() arg 2 must be a class, a tuple of classes, or a union")
	}
	for _, u := range types {
		if sub.isSubtype(u) {
			return starlark.True, nil
		}
	}
	return starlark.False, nil
}

// classInfo reads the second argument of isinstance and issubclass: an
// exception type or a tuple of them (nested tuples too, as in Python).
func classInfo(v starlark.Value) ([]*exceptionType, bool) {
	switch v := v.(type) {
	case *exceptionType:
		return []*exceptionType{v}, true
	case starlark.Tuple:
		var out []*exceptionType
		for _, x := range v {
			ts, ok := classInfo(x)
			if !ok {
				return nil, false
			}
			out = append(out, ts...)
		}
		return out, true
	}
	return nil, false
}
