package interp

import (
	"sync"

	"github.com/asyncrun/asyncrun/builtins"
	"go.starlark.net/starlark"
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
	_, prog, err := starlark.SourceProgramOptions(FileOptions(), filename, text, isPredeclared)
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
	_, prog, err := starlark.SourceProgramOptions(FileOptions(), filename, text, it.predeclared.Has)
	if err != nil {
		return nil, err
	}
	return &Program{filename: filename, src: text, fromFile: src == nil, prog: prog}, nil
}

var standardNames = sync.OnceValue(func() starlark.StringDict {
	return builtins.NewRuntime(builtins.Config{}).Predeclared()
})
