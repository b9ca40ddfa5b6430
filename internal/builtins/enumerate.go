package builtins

import "go.starlark.net/starlark"

// enumerate_ is Python's enumerate(iterable, start=0): Starlark's
// enumerate, with start also taken by keyword, as Python programs write
// enumerate(xs, start=1).
func enumerate_(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var xs, start starlark.Value
	if err := starlark.UnpackArgs("enumerate", args, kwargs, "iterable", &xs, "start?", &start); err != nil {
		return nil, err
	}
	pos := starlark.Tuple{xs}
	if start != nil {
		pos = append(pos, start)
	}
	return starlark.Call(thread, starlark.Universe["enumerate"], pos, nil)
}
