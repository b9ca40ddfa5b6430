package builtins

import (
	"maps"

	"go.starlark.net/starlark"
)

// The context of context variables, as Python's contextvars with asyncio:
// each task runs in a copy of the context that was current when it was
// created, and each callback in a copy of the context current when it was
// scheduled, so a value set in a task is seen by the coroutines it awaits
// and by the tasks it creates afterwards, never by its creator or its
// siblings. Top-level code shares one context. The core only carries and
// copies contexts; the contextvars module (package modules) keeps its
// values in them through ContextOf.

// A Context is one context: the values of the context variables set in it,
// by key. Its identity is the Python Context's (a contextvars.Token belongs
// to one). The core copies it for every task and callback; its values are
// the keys' owner's (the contextvars module's).
type Context struct {
	vals map[any]starlark.Value
}

// Get returns the value set for key in c, and whether there is one.
func (c *Context) Get(key any) (starlark.Value, bool) {
	v, ok := c.vals[key]
	return v, ok
}

// Set sets the value of key in c. key is comparable and its owner's, as
// context.WithValue's keys are (a *contextVar, say).
func (c *Context) Set(key any, v starlark.Value) {
	if c.vals == nil {
		c.vals = make(map[any]starlark.Value)
	}
	c.vals[key] = v
}

// Delete removes the value of key from c.
func (c *Context) Delete(key any) { delete(c.vals, key) }

// ContextOf returns the context of the script code running on thread, for
// the contextvars module to read and set. From its first call on, tasks
// and callbacks copy the context current when they are made (see
// currentContext); until then, in programs that use no context variables,
// no context is looked up or allocated.
func ContextOf(thread *starlark.Thread) *Context {
	ts := stateOf(thread)
	ts.rt.varsUsed = true
	if ts.ctx == nil {
		ts.ctx = &Context{}
	}
	return ts.ctx
}

// copyContext returns a copy of c. A nil context is an empty one, made
// when a variable is first set in it (see ContextOf), so that tasks and
// callbacks of programs that use no context variables allocate none.
func copyContext(c *Context) *Context {
	if c == nil || len(c.vals) == 0 {
		return nil
	}
	return &Context{vals: maps.Clone(c.vals)}
}

// currentContext returns the context of the script code running now.
func (rt *Runtime) currentContext() *Context {
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
