package modules

import (
	"fmt"

	"github.com/asyncrun/asyncrun/internal/builtins"
	"github.com/asyncrun/asyncrun/pyexc"
	"go.starlark.net/starlark"
	"go.starlark.net/starlarkstruct"
)

// Context variables, as Python's contextvars: a ContextVar's value lives in
// the context of the code that sets it, a builtins.Context that the core
// copies for each task and callback (see builtins.ContextOf); the variable
// is its key.

// contextVarsModule is the contextvars module: ContextVar(name, *, default)
// and Token.
var contextVarsModule = &starlarkstruct.Module{Name: "contextvars", Members: starlark.StringDict{
	"ContextVar": builtins.ModuleClass("_contextvars", "ContextVar", newContextVar, nil),
	"Token": builtins.ModuleClass("_contextvars", "Token", func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error) {
		return nil, builtins.Errorf(pyexc.RuntimeError, "Tokens can only be created by ContextVars")
	}, starlark.StringDict{"MISSING": tokenMissing}),
}}

func newContextVar(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var name string
	var def starlark.Value
	if err := starlark.UnpackPositionalArgs(b.Name(), args, nil, 1, &name); err != nil {
		return nil, err
	}
	if err := starlark.UnpackArgs(b.Name(), nil, kwargs, "default?", &def); err != nil {
		return nil, err
	}
	return &contextVar{name: name, def: def}, nil
}

// contextVar is a contextvars.ContextVar, and the key of its values in a
// builtins.Context.
type contextVar struct {
	name string
	def  starlark.Value // nil: no default
}

func (v *contextVar) String() string {
	if v.def != nil {
		return fmt.Sprintf("<ContextVar name=%s default=%s>", builtins.Quote(v.name), builtins.Repr(v.def))
	}
	return fmt.Sprintf("<ContextVar name=%s>", builtins.Quote(v.name))
}
func (v *contextVar) Type() string          { return "ContextVar" }
func (v *contextVar) Freeze()               {}
func (v *contextVar) Truth() starlark.Bool  { return true }
func (v *contextVar) Hash() (uint32, error) { return starlark.String(v.name).Hash() }

// Attr returns name and the methods get, set and reset.
func (v *contextVar) Attr(name string) (starlark.Value, error) {
	if name == "name" {
		return starlark.String(v.name), nil
	}
	return contextVarMethods.Attr(v, name), nil
}

// AttrNames lists the variable's attributes.
func (v *contextVar) AttrNames() []string { return contextVarMethods.Names("name") }

var contextVarMethods = builtins.NewMethods(map[string]func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error){
	"get":   contextVarGet,
	"set":   contextVarSet,
	"reset": contextVarReset,
})

func contextVarGet(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var def starlark.Value
	if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 0, &def); err != nil {
		return nil, err
	}
	v := b.Receiver().(*contextVar)
	if x, ok := builtins.ContextOf(thread).Get(v); ok {
		return x, nil
	}
	if def != nil {
		return def, nil
	}
	if v.def != nil {
		return v.def, nil
	}
	return nil, builtins.NewExceptionArgs(pyexc.LookupError, v)
}

func contextVarSet(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var x starlark.Value
	if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 1, &x); err != nil {
		return nil, err
	}
	v := b.Receiver().(*contextVar)
	c := builtins.ContextOf(thread)
	old, had := c.Get(v)
	c.Set(v, x)
	if !had {
		old = nil
	}
	return &contextToken{v: v, ctx: c, old: old}, nil
}

func contextVarReset(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var t *contextToken
	if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 1, &t); err != nil {
		return nil, err
	}
	v := b.Receiver().(*contextVar)
	c := builtins.ContextOf(thread)
	switch {
	case t.used:
		return nil, builtins.Errorf(pyexc.RuntimeError, "%s has already been used once", t)
	case t.v != v:
		return nil, builtins.Errorf(pyexc.ValueError, "%s was created by a different ContextVar", t)
	case t.ctx != c:
		return nil, builtins.Errorf(pyexc.ValueError, "%s was created in a different Context", t)
	}
	t.used = true
	if t.old == nil {
		c.Delete(v)
	} else {
		c.Set(v, t.old)
	}
	return starlark.None, nil
}

// contextToken is what ContextVar.set returns, for reset: var and
// old_value (Token.MISSING when the variable was not set).
type contextToken struct {
	v    *contextVar
	ctx  *builtins.Context
	old  starlark.Value // nil: MISSING
	used bool
}

// tokenMissing is contextvars.Token.MISSING.
var tokenMissing = &starlarkstruct.Module{Name: "<Token.MISSING>"}

func (t *contextToken) String() string {
	used := ""
	if t.used {
		used = " used"
	}
	return fmt.Sprintf("<Token%s var=%s>", used, t.v)
}
func (t *contextToken) Type() string         { return "Token" }
func (t *contextToken) Freeze()              {}
func (t *contextToken) Truth() starlark.Bool { return true }
func (t *contextToken) Hash() (uint32, error) {
	return 0, builtins.Errorf(pyexc.TypeError, "unhashable type: 'Token'")
}
func (t *contextToken) AttrNames() []string { return []string{"old_value", "var"} }

// Attr returns var and old_value.
func (t *contextToken) Attr(name string) (starlark.Value, error) {
	switch name {
	case "var":
		return t.v, nil
	case "old_value":
		if t.old == nil {
			return tokenMissing, nil
		}
		return t.old, nil
	}
	return nil, nil
}
