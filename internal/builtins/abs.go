package builtins

import "go.starlark.net/starlark"

// abs_ is Python's abs(x): Starlark's, with a bool taken as the int it is
// in Python (abs(True) is 1).
func abs_(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(args) == 1 {
		args = starlark.Tuple{boolAsInt(args[0])}
	}
	return starlark.Call(thread, starlark.Universe["abs"], args, kwargs)
}
