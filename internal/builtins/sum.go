package builtins

import (
	"github.com/asyncrun/asyncrun/pyexc"
	"go.starlark.net/starlark"
	"go.starlark.net/syntax"
)

// sum_ is Python's sum(iterable, /, start=0): start plus each item, in
// order, with +. As in CPython 3.11, floats are added one by one (no
// compensated sum) and strings are refused.
func sum_(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var xs starlark.Iterable
	var start starlark.Value = starlark.MakeInt(0)
	if len(args) > 2 {
		return nil, newExc(pyexc.TypeError, "sum() takes at most 2 arguments (%d given)", len(args))
	}
	if err := starlark.UnpackArgs("sum", args, kwargs, "iterable", &xs, "start?", &start); err != nil {
		return nil, err
	}
	switch start.(type) {
	case starlark.String:
		return nil, newExc(pyexc.TypeError, "sum() can't sum strings [use ''.join(seq) instead]")
	case starlark.Bytes:
		return nil, newExc(pyexc.TypeError, "sum() can't sum bytes [use b''.join(seq) instead]")
	}
	acc := start
	for x := range starlark.Elements(xs) {
		var err error
		if acc, err = starlark.Binary(syntax.PLUS, acc, x); err != nil {
			return nil, err
		}
	}
	return acc, nil
}
