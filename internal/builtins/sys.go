package builtins

import (
	"io"

	"github.com/asyncrun/asyncrun/pyexc"
	"go.starlark.net/starlark"
	"go.starlark.net/starlarkstruct"
)

// stream is sys.stdout or sys.stderr: write(s) and flush().
type stream struct {
	name string
	w    io.Writer
}

func (s *stream) String() string        { return "<_io.TextIOWrapper name='<" + s.name + ">'>" }
func (s *stream) Type() string          { return "TextIOWrapper" }
func (s *stream) Freeze()               {}
func (s *stream) Truth() starlark.Bool  { return true }
func (s *stream) Hash() (uint32, error) { return starlark.String(s.name).Hash() }
func (s *stream) AttrNames() []string   { return streamMethods.names() }

// Attr returns the stream's methods: write(s) and flush().
func (s *stream) Attr(name string) (starlark.Value, error) { return streamMethods.attr(s, name), nil }

var streamMethods = newMethods(map[string]func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error){
	"write": func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		var text string
		if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 1, &text); err != nil {
			return nil, err
		}
		if _, err := io.WriteString(b.Receiver().(*stream).w, text); err != nil {
			return nil, osErrorOf(err)
		}
		return starlark.MakeInt(len([]rune(text))), nil
	},
	"flush": func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		return starlark.None, NoArgs(b, args, kwargs)
	},
})

func (rt *Runtime) sysModule() *starlarkstruct.Module {
	argv := make([]starlark.Value, len(rt.cfg.Argv))
	for i, a := range rt.cfg.Argv {
		argv[i] = starlark.String(a)
	}
	return &starlarkstruct.Module{Name: "sys", Members: starlark.StringDict{
		"argv":   starlark.NewList(argv),
		"stdout": &stream{"stdout", rt.stdout},
		"stderr": &stream{"stderr", rt.stderr},
	}}
}

// A TextFile is a file value that print(file=f) can write to: TextWriter
// returns its writer, which fails for a file opened in binary mode.
type TextFile interface {
	starlark.Value
	TextWriter() io.Writer
}

// writerFor resolves a file= argument: None is stderr (for print_stack),
// sys.stdout, sys.stderr, or a file open() returned in text mode.
func (rt *Runtime) writerFor(file starlark.Value) (io.Writer, error) {
	switch f := file.(type) {
	case starlark.NoneType:
		return rt.stderr, nil
	case *stream:
		return f.w, nil
	case TextFile:
		return f.TextWriter(), nil
	}
	return nil, newExc(pyexc.TypeError, "file must be sys.stdout, sys.stderr, a file open() returned or None, got %s", file.Type())
}
