package interp

import (
	"errors"
	"sync"

	"github.com/asyncrun/asyncrun/internal/builtins"
	"github.com/asyncrun/asyncrun/internal/frontend"
	"go.starlark.net/starlark"
	"go.starlark.net/syntax"
)

// Program is a compiled script: parsed, resolved and compiled once, it may
// be run (Exec) many times, by many interpreters at once.
type Program struct {
	filename string
	src      []byte
	fromFile bool // read from the file (the default load root is its folder)
	prog     *starlark.Program
}

// Compile compiles a script for interpreters whose Options.Predeclared add
// the names extra (beside the standard predeclared names). src is as for
// ExecFile. The error is an *Error (errors.As finds a *CompileError).
func Compile(filename string, src any, extra ...string) (*Program, error) {
	text, err := sourceBytes(filename, src)
	if err != nil {
		return nil, &Error{err: err}
	}
	names := standardNames()
	isPredeclared := func(name string) bool {
		if names.Has(name) {
			return true
		}
		for _, e := range extra {
			if e == name {
				return true
			}
		}
		return false
	}
	prog, err := frontend.Compile(FileOptions(), filename, text, isPredeclared)
	if err != nil {
		return nil, &Error{err: withHint(err)}
	}
	return &Program{filename: filename, src: text, fromFile: src == nil, prog: prog}, nil
}

// compile compiles a script for this interpreter's predeclared names.
func (it *Interp) compile(filename string, src any) (*Program, error) {
	text, err := sourceBytes(filename, src)
	if err != nil {
		return nil, err
	}
	prog, err := frontend.Compile(FileOptions(), filename, text, it.predeclared.Has)
	if err != nil {
		return nil, err
	}
	return &Program{filename: filename, src: text, fromFile: src == nil, prog: prog}, nil
}

var standardNames = sync.OnceValue(func() starlark.StringDict {
	return withHidden(builtins.NewRuntime(builtins.Config{Parts: parts}).Predeclared())
})

// withHidden adds to predeclared the hidden names that Python's syntax is
// rewritten into (frontend.Hidden): `$await`, `$is`, ...; no script can
// name them.
func withHidden(predeclared starlark.StringDict) starlark.StringDict {
	for k, v := range frontend.Hidden(predeclared) {
		predeclared[k] = v
	}
	return predeclared
}

// execModule runs the source of a load()ed module on thread, as
// starlark.ExecFileOptions does, through the front end (Python's async
// syntax included).
func execModule(thread *starlark.Thread, filename string, src []byte, predeclared starlark.StringDict) (starlark.StringDict, error) {
	prog, err := frontend.Compile(FileOptions(), filename, src, predeclared.Has)
	if err != nil {
		return nil, err
	}
	g, err := prog.Init(thread, predeclared)
	g.Freeze()
	return g, err
}

// Parse parses a script, or a chunk of one, as the interpreter reads it:
// Starlark with Python's async syntax (async def, await, decorators,
// f-strings, import, is), rewritten into calls of names that only the
// interpreter's predeclared set holds. It is for hosts that run code with
// ExecChunk, as a prompt does; ExecFile and Compile parse for themselves.
// Errors are positioned in src as written and carry the same hints as
// ExecFile's (see SyntaxHint).
func Parse(filename string, src []byte) (*syntax.File, error) {
	f, err := frontend.Parse(FileOptions(), filename, src)
	return f, withHint(err)
}

// ParseCompoundStmt is Parse for a prompt: it reads lines with readline
// until they make one statement (a compound statement ends with a blank
// line), as syntax.FileOptions.ParseCompoundStmt does, with load()
// binding globally. Decorator lines and `async def` blocks are read
// whole.
func ParseCompoundStmt(filename string, readline func() ([]byte, error)) (*syntax.File, error) {
	opts := FileOptions()
	opts.LoadBindsGlobally = true
	f, err := frontend.ParseCompoundStmt(opts, filename, readline)
	if err != nil {
		var se syntax.Error
		if errors.As(err, &se) {
			return nil, withHint(err)
		}
		return nil, err
	}
	return f, nil
}
