package builtins

import (
	"github.com/asyncrun/asyncrun/internal/pyfmt"
	"github.com/asyncrun/asyncrun/pyexc"
	"go.starlark.net/starlark"
)

// format_ is Python's format(value, format_spec=""): the format-spec
// mini-language of internal/pyfmt, which f-strings use too.
func format_(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var v starlark.Value
	var spec starlark.Value = starlark.String("")
	if err := starlark.UnpackPositionalArgs("format", args, kwargs, 1, &v, &spec); err != nil {
		return nil, err
	}
	s, ok := spec.(starlark.String)
	if !ok {
		return nil, newExc(pyexc.TypeError, "format() argument 2 must be str, not %s", pyfmt.TypeName(spec))
	}
	out, err := pyfmt.Format(v, string(s))
	if err != nil {
		return nil, fromPyfmt(err)
	}
	return starlark.String(out), nil
}

// fromPyfmt returns a pyfmt error as the exception CPython raises (see
// typedException), and any other error as it is.
func fromPyfmt(err error) error {
	if x := typedException(err); x != nil {
		return x
	}
	return err
}
