package builtins

import (
	"io"
	"strings"

	"go.starlark.net/lib/json"
	"go.starlark.net/lib/math"
	"go.starlark.net/starlark"
	"go.starlark.net/starlarkstruct"
)

// makePredeclared returns the names every script sees: asyncio, await_, assert_,
// raise_, try_, with_, print, repr, open, isinstance, issubclass, the exception
// types (see excTypes), and the modules contextvars, datetime, functools, json, math, struct, sys and time.
func (rt *Runtime) makePredeclared() starlark.StringDict {
	d := starlark.StringDict{
		"assert_":     newBuiltin("assert_", assert_),
		"asyncio":     asyncioModule(),
		"await_":      &awaitBuiltin{},
		"contextvars": contextVarsModule,
		"datetime":    datetimeModule,
		"functools":   functoolsModule,
		"isinstance":  newBuiltin("isinstance", isinstance_),
		"issubclass":  newBuiltin("issubclass", issubclass_),
		"json":        json.Module,
		"math":        math.Module,
		"open":        newBuiltin("open", open_),
		"print":       newBuiltin("print", print_),
		"repr":        newBuiltin("repr", repr_),
		"socket":      socketModule,
		"raise_":      newBuiltin("raise_", raise_),
		"struct":      newBuiltin("struct", starlarkstruct.Make),
		"sys":         rt.sysModule(),
		"time":        timeModule,
		"try_":        newBuiltin("try_", try_),
		"with_":       newBuiltin("with_", with_),
	}
	for name, t := range exc.members("") {
		d[name] = t
	}
	return d
}

// print_ is Python's print(*args, sep=" ", end="\n", file=None, flush=False).
func print_(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	sep, end := " ", "\n"
	var file, flush, sepv, endv starlark.Value = starlark.None, starlark.False, starlark.None, starlark.None
	if err := starlark.UnpackArgs(b.Name(), nil, kwargs, "sep?", &sepv, "end?", &endv, "file?", &file, "flush?", &flush); err != nil {
		return nil, err
	}
	if s, ok := sepv.(starlark.String); ok {
		sep = string(s)
	}
	if s, ok := endv.(starlark.String); ok {
		end = string(s)
	}
	rt := rtOf(thread)
	w := rt.stdout
	if file != starlark.None {
		var err error
		if w, err = rt.writerFor(file); err != nil {
			return nil, err
		}
	}
	var sb strings.Builder
	for i, a := range args {
		if i > 0 {
			sb.WriteString(sep)
		}
		if s, ok := starlark.AsString(a); ok {
			sb.WriteString(s)
		} else {
			sb.WriteString(a.String())
		}
	}
	sb.WriteString(end)
	if _, err := io.WriteString(w, sb.String()); err != nil {
		if e, ok := err.(*exception); ok {
			return nil, e // a file's own error (closed, binary)
		}
		return nil, osErrorOf(err) // as Python, whose print fails with the write
	}
	return starlark.None, nil
}

// repr_ is Starlark's repr, except that an exception gives Python's form,
// ValueError('bad'), where str() gives its message. (Inside a list, or with
// %r, an exception still shows its message: Starlark has one string form
// per value.)
func repr_(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var x starlark.Value
	if err := starlark.UnpackPositionalArgs("repr", args, kwargs, 1, &x); err != nil {
		return nil, err
	}
	if e, ok := x.(*exception); ok {
		return starlark.String(e.repr()), nil
	}
	return starlark.String(x.String()), nil
}
