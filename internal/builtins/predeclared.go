package builtins

import (
	"io"
	"strings"

	"github.com/asyncrun/asyncrun/internal/pyfmt"
	"github.com/asyncrun/asyncrun/pyexc"
	"go.starlark.net/lib/json"
	"go.starlark.net/lib/math"
	"go.starlark.net/starlark"
	"go.starlark.net/starlarkstruct"
)

// makePredeclared returns the names every script sees: asyncio, await_, assert_,
// raise_, try_, with_, print, repr, str, format, round, sum, divmod, pow,
// enumerate, min, max, type, isinstance, issubclass, the exception
// types (see excTypes), the modules json, math and struct, and the parts'
// names (see Part).
func (rt *Runtime) makePredeclared() starlark.StringDict {
	d := starlark.StringDict{
		"assert_":    newBuiltin("assert_", assert_),
		"asyncio":    asyncioModule(rt.cfg.Parts),
		"await_":     &awaitBuiltin{rt},
		"isinstance": newBuiltin("isinstance", isinstance_),
		"issubclass": newBuiltin("issubclass", issubclass_),
		"json":       json.Module,
		"math":       math.Module,
		"print":      newBuiltin("print", print_),
		"repr":       newBuiltin("repr", repr_),
		"raise_":     newBuiltin("raise_", raise_),
		"struct":     newBuiltin("struct", starlarkstruct.Make),
		"try_":       newBuiltin("try_", try_),
		"with_":      newBuiltin("with_", with_),
		"str":        starlark.NewBuiltin("str", str_),
		"format":     starlark.NewBuiltin("format", format_),
		"round":      starlark.NewBuiltin("round", round_),
		"sum":        starlark.NewBuiltin("sum", sum_),
		"divmod":     starlark.NewBuiltin("divmod", divmod_),
		"abs":        starlark.NewBuiltin("abs", abs_),
		"pow":        starlark.NewBuiltin("pow", pow_),
		"enumerate":  starlark.NewBuiltin("enumerate", enumerate_),
		"min":        starlark.NewBuiltin("min", minmax_),
		"max":        starlark.NewBuiltin("max", minmax_),
		"type":       starlark.NewBuiltin("type", type_),
	}
	for name, t := range exc.members("") {
		d[name] = t
	}
	for _, p := range rt.cfg.Parts {
		for name, v := range p.Predeclared {
			d[name] = v
		}
		if p.MakePredeclared != nil {
			for name, v := range p.MakePredeclared(rt) {
				d[name] = v
			}
		}
	}
	return d
}

// A Part is a group of builtins kept beside the core, as go.starlark.net
// keeps lib/time and lib/json beside its interpreter: its members of the
// asyncio module and its predeclared names, built on the core's exported
// hooks only. Package interp passes every part in Config.Parts.
type Part struct {
	Asyncio     starlark.StringDict // merged into the asyncio module
	Predeclared starlark.StringDict // merged into the predeclared names
	// MakePredeclared, if set, makes predeclared names whose values are
	// each interpreter's own (sys, whose argv and streams are the
	// runtime's: see Runtime.Argv, Stdout and Stderr). NewRuntime calls
	// it once and merges its names with Predeclared's.
	MakePredeclared func(rt *Runtime) starlark.StringDict
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
		sb.WriteString(pyfmt.Str(a))
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

// A TextFile is a file value that print(file=f) can write to: sys.stdout,
// sys.stderr, or a file open() returned. TextWriter returns its writer,
// which fails for a file opened in binary mode.
type TextFile interface {
	starlark.Value
	TextWriter() io.Writer
}

// writerFor resolves a file= argument: None is stderr (for print_stack),
// or a TextFile (sys.stdout, sys.stderr, a file open() returned in text
// mode).
func (rt *Runtime) writerFor(file starlark.Value) (io.Writer, error) {
	switch f := file.(type) {
	case starlark.NoneType:
		return rt.stderr, nil
	case TextFile:
		return f.TextWriter(), nil
	}
	return nil, newExc(pyexc.TypeError, "file must be sys.stdout, sys.stderr, a file open() returned or None, got %s", file.Type())
}
