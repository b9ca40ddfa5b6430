package modules

import (
	"fmt"
	"strings"

	"github.com/asyncrun/asyncrun/internal/builtins"
	"github.com/asyncrun/asyncrun/pyexc"
	"go.starlark.net/starlark"
	"go.starlark.net/starlarkstruct"
)

// functoolsModule has partial(fn, *args, **kwargs).
var functoolsModule = &starlarkstruct.Module{Name: "functools", Members: starlark.StringDict{
	"partial": builtins.NewBuiltin("partial", func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		if len(args) == 0 {
			return nil, builtins.Errorf(pyexc.TypeError, "partial: missing the function argument")
		}
		fn, ok := args[0].(starlark.Callable)
		if !ok {
			return nil, builtins.Errorf(pyexc.TypeError, "partial: the first argument must be callable, got %s", args[0].Type())
		}
		return &partial{fn: fn, args: args[1:], kwargs: kwargs}, nil
	}),
}}

// partial is functools.partial(fn, *args, **kwargs): calling it calls fn with
// those arguments first.
type partial struct {
	fn     starlark.Callable
	args   starlark.Tuple
	kwargs []starlark.Tuple
}

func (p *partial) Name() string { return p.fn.Name() }
func (p *partial) String() string {
	parts := []string{p.fn.String()}
	for _, a := range p.args {
		parts = append(parts, builtins.Repr(a))
	}
	for _, kv := range p.kwargs {
		k, _ := starlark.AsString(kv[0])
		parts = append(parts, k+"="+builtins.Repr(kv[1]))
	}
	return "functools.partial(" + strings.Join(parts, ", ") + ")"
}
func (p *partial) Type() string          { return "functools.partial" }
func (p *partial) Freeze()               {}
func (p *partial) Truth() starlark.Bool  { return true }
func (p *partial) Hash() (uint32, error) { return 0, fmt.Errorf("unhashable: functools.partial") }
func (p *partial) CallInternal(thread *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	all := append(append(starlark.Tuple{}, p.args...), args...)
	kw := append(append([]starlark.Tuple{}, p.kwargs...), kwargs...)
	return starlark.Call(thread, p.fn, all, kw)
}
