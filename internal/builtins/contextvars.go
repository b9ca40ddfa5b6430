package builtins

import (
	"fmt"
	"maps"

	"github.com/asyncrun/asyncrun/pyexc"
	"go.starlark.net/starlark"
	"go.starlark.net/starlarkstruct"
)

// Context variables, as Python's contextvars with asyncio: each task runs
// in a copy of the context that was current when it was created, and each
// callback in a copy of the context current when it was scheduled, so a
// value set in a task is seen by the coroutines it awaits and by the tasks
// it creates afterwards, never by its creator or its siblings. Top-level
// code shares one context.

// varContext is one context: the values of the variables set in it. Its
// identity is the Python Context's (a Token belongs to one).
type varContext struct {
	vals map[*contextVar]starlark.Value
}

// copyContext returns a copy of c. A nil context is an empty one, made
// when a variable is first set in it (see contextOf), so that tasks and
// callbacks of programs that use no context variables allocate none.
func copyContext(c *varContext) *varContext {
	if c == nil || len(c.vals) == 0 {
		return nil
	}
	return &varContext{vals: maps.Clone(c.vals)}
}

// currentContext returns the context of the script code running now.
func (rt *Runtime) currentContext() *varContext {
	if !rt.varsUsed {
		return nil // every context is empty
	}
	if th := rt.scriptThread(); th != nil {
		if ts := stateOf(th); ts != nil && ts.ctx != nil {
			return ts.ctx
		}
	}
	return rt.topContext
}

// contextVarsModule is the contextvars module: ContextVar(name, *, default).
var contextVarsModule = &starlarkstruct.Module{Name: "contextvars", Members: starlark.StringDict{
	"ContextVar": &class{name: "ContextVar", module: "contextvars", call: newBuiltin("ContextVar", newContextVar)},
	"Token": &class{name: "Token", module: "contextvars", attrs: starlark.StringDict{"MISSING": tokenMissing},
		call: newBuiltin("Token", func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error) {
			return nil, newExc(pyexc.RuntimeError, "Tokens can only be created by ContextVars")
		})},
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

// contextVar is a contextvars.ContextVar.
type contextVar struct {
	name string
	def  starlark.Value // nil: no default
}

func (v *contextVar) String() string {
	if v.def != nil {
		return fmt.Sprintf("<ContextVar name=%s default=%s>", pyQuote(v.name), reprValue(v.def))
	}
	return fmt.Sprintf("<ContextVar name=%s>", pyQuote(v.name))
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
	return contextVarMethods.attr(v, name), nil
}

// AttrNames lists the variable's attributes.
func (v *contextVar) AttrNames() []string { return contextVarMethods.names("name") }

var contextVarMethods = newMethods(map[string]func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error){
	"get":   contextVarGet,
	"set":   contextVarSet,
	"reset": contextVarReset,
})

// contextOf returns the context of the code running on thread.
func contextOf(thread *starlark.Thread) *varContext {
	ts := stateOf(thread)
	if ts.ctx == nil {
		ts.ctx = &varContext{}
	}
	return ts.ctx
}

func contextVarGet(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var def starlark.Value
	if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 0, &def); err != nil {
		return nil, err
	}
	v := b.Receiver().(*contextVar)
	if x, ok := contextOf(thread).vals[v]; ok {
		return x, nil
	}
	if def != nil {
		return def, nil
	}
	if v.def != nil {
		return v.def, nil
	}
	return nil, &exception{typ: exc[pyexc.LookupError], args: starlark.Tuple{v}}
}

func contextVarSet(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var x starlark.Value
	if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 1, &x); err != nil {
		return nil, err
	}
	v := b.Receiver().(*contextVar)
	rtOf(thread).varsUsed = true
	c := contextOf(thread)
	old, had := c.vals[v]
	if c.vals == nil {
		c.vals = make(map[*contextVar]starlark.Value)
	}
	c.vals[v] = x
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
	c := contextOf(thread)
	switch {
	case t.used:
		return nil, newExc(pyexc.RuntimeError, "%s has already been used once", t)
	case t.v != v:
		return nil, newExc(pyexc.ValueError, "%s was created by a different ContextVar", t)
	case t.ctx != c:
		return nil, newExc(pyexc.ValueError, "%s was created in a different Context", t)
	}
	t.used = true
	if t.old == nil {
		delete(c.vals, v)
	} else {
		c.vals[v] = t.old
	}
	return starlark.None, nil
}

// contextToken is what ContextVar.set returns, for reset: var and
// old_value (Token.MISSING when the variable was not set).
type contextToken struct {
	v    *contextVar
	ctx  *varContext
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
	return 0, newExc(pyexc.TypeError, "unhashable type: 'Token'")
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
