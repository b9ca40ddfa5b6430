package builtins

import (
	"github.com/asyncrun/asyncrun/pyexc"
	"go.starlark.net/starlark"
)

// isinstance(x, T) and issubclass(T1, T2), as Python programs test values:
// T is an exception type, one of the builtins int, float, str, bool, list,
// dict, tuple, set and bytes, or a tuple of them. As in Python, a bool is
// also an int, and issubclass(bool, int) is True.

// isinstance_ is isinstance(x, T): whether x is an exception of type T or
// of a subtype.
func isinstance_(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var x, t starlark.Value
	if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 2, &x, &t); err != nil {
		return nil, err
	}
	types, ok := classInfo(t)
	if !ok {
		return nil, newExc(pyexc.TypeError, "isinstance() arg 2 must be a type, a tuple of types, or a union")
	}
	if e, ok := x.(*exception); ok && matches(e, types) {
		return starlark.True, nil
	}
	for _, name := range builtinTypes(t) {
		if isBuiltinInstance(x, name) {
			return starlark.True, nil
		}
	}
	return starlark.False, nil
}

// builtinTypeNames are the builtins isinstance takes as types.
var builtinTypeNames = []string{"int", "float", "str", "bool", "list", "dict", "tuple", "set", "bytes"}

// builtinTypeName returns the name of the builtin type v is (the Universe's
// int, or the runtime's own str), or "".
func builtinTypeName(v starlark.Value) string {
	b, ok := v.(*starlark.Builtin)
	if !ok || b.Receiver() != nil {
		return ""
	}
	for _, name := range builtinTypeNames {
		if b.Name() == name && (starlark.Universe[name] == v || name == "str") {
			return name
		}
	}
	return ""
}

// builtinTypes returns the builtin types named in isinstance's T.
func builtinTypes(v starlark.Value) []string {
	if name := builtinTypeName(v); name != "" {
		return []string{name}
	}
	var out []string
	if t, ok := v.(starlark.Tuple); ok {
		for _, x := range t {
			out = append(out, builtinTypes(x)...)
		}
	}
	return out
}

// isBuiltinInstance reports whether x is an instance of the builtin type
// named name, as Python's isinstance sees it.
func isBuiltinInstance(x starlark.Value, name string) bool {
	switch name {
	case "int":
		switch x.(type) {
		case starlark.Int, starlark.Bool:
			return true
		}
		return false
	case "str":
		_, ok := x.(starlark.String)
		return ok
	}
	return x.Type() == name
}

// issubclass_ is issubclass(T1, T2): whether T1 is T2 or derives from it.
func issubclass_(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var x, t starlark.Value
	if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 2, &x, &t); err != nil {
		return nil, err
	}
	sub, isExc := x.(*exceptionType)
	subName := builtinTypeName(x)
	if !isExc && subName == "" {
		return nil, newExc(pyexc.TypeError, "issubclass() arg 1 must be a class")
	}
	types, ok := classInfo(t)
	if !ok {
		return nil, newExc(pyexc.TypeError, "issubclass() arg 2 must be a class, a tuple of classes, or a union")
	}
	if !isExc {
		// A builtin type: itself, and bool is an int.
		for _, name := range builtinTypes(t) {
			if name == subName || (subName == "bool" && name == "int") {
				return starlark.True, nil
			}
		}
		return starlark.False, nil
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
	case *starlark.Builtin:
		return nil, builtinTypeName(v) != ""
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
