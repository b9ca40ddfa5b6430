package modules

import (
	"io"

	"github.com/asyncrun/asyncrun/internal/builtins"
	"go.starlark.net/starlark"
	"go.starlark.net/starlarkstruct"
)

// sysModule returns the sys module of the interpreter of rt: argv, stdout
// and stderr, its own.
func sysModule(rt *builtins.Runtime) *starlarkstruct.Module {
	argv := make([]starlark.Value, len(rt.Argv()))
	for i, a := range rt.Argv() {
		argv[i] = starlark.String(a)
	}
	return &starlarkstruct.Module{Name: "sys", Members: starlark.StringDict{
		"argv":   starlark.NewList(argv),
		"stdout": &stream{"stdout", rt.Stdout()},
		"stderr": &stream{"stderr", rt.Stderr()},
	}}
}

// stream is sys.stdout or sys.stderr: write(s) and flush(). It is a
// builtins.TextFile, so print(file=sys.stdout) writes to it.
type stream struct {
	name string
	w    io.Writer
}

var _ builtins.TextFile = (*stream)(nil)

func (s *stream) String() string        { return "<_io.TextIOWrapper name='<" + s.name + ">'>" }
func (s *stream) Type() string          { return "TextIOWrapper" }
func (s *stream) Freeze()               {}
func (s *stream) Truth() starlark.Bool  { return true }
func (s *stream) Hash() (uint32, error) { return starlark.String(s.name).Hash() }
func (s *stream) AttrNames() []string   { return streamMethods.Names() }

// TextWriter returns the writer the stream writes to.
func (s *stream) TextWriter() io.Writer { return s.w }

// Attr returns the stream's methods: write(s) and flush().
func (s *stream) Attr(name string) (starlark.Value, error) { return streamMethods.Attr(s, name), nil }

var streamMethods = builtins.NewMethods(map[string]func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error){
	"write": func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		var text string
		if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 1, &text); err != nil {
			return nil, err
		}
		if _, err := io.WriteString(b.Receiver().(*stream).w, text); err != nil {
			return nil, builtins.OSErrorOf(err)
		}
		return starlark.MakeInt(len([]rune(text))), nil
	},
	"flush": func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		return starlark.None, builtins.NoArgs(b, args, kwargs)
	},
})
