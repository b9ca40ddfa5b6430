package builtins

import (
	"github.com/asyncrun/asyncrun/pyexc"
	"go.starlark.net/starlark"
)

// minmax_ is Python's min and max: Starlark's (one iterable or several
// arguments, key=), with default=, the value for an empty iterable, and
// Python's ValueError for an empty one without it.
func minmax_(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var def starlark.Value
	var rest []starlark.Tuple
	for _, kv := range kwargs {
		if k, _ := kv[0].(starlark.String); k == "default" {
			def = kv[1]
			continue
		}
		rest = append(rest, kv)
	}
	if def != nil && len(args) != 1 {
		return nil, newExc(pyexc.TypeError, "Cannot specify a default for %s() with multiple positional arguments", b.Name())
	}
	if len(args) == 1 {
		if it, ok := args[0].(starlark.Iterable); ok {
			empty := true
			for range starlark.Elements(it) {
				empty = false
				break
			}
			if empty {
				if def != nil {
					return def, nil
				}
				return nil, newExc(pyexc.ValueError, "%s() arg is an empty sequence", b.Name())
			}
		}
	}
	return starlark.Call(thread, starlark.Universe[b.Name()], args, rest)
}
