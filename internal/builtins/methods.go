package builtins

import (
	"sort"

	"go.starlark.net/starlark"
)

// methods is a type's method table: each method is a builtin whose receiver
// (b.Receiver()) is the value it was read from. Every value type with
// methods dispatches through one; no Attr builds a closure.
type methods map[string]*starlark.Builtin

// newMethods builds a table from method implementations by name.
func newMethods(fns map[string]func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error)) methods {
	m := make(methods, len(fns))
	for name, fn := range fns {
		m[name] = starlark.NewBuiltin(name, fn)
	}
	return m
}

// attr returns method name bound to recv, or nil.
func (m methods) attr(recv starlark.Value, name string) starlark.Value {
	if b, ok := m[name]; ok {
		return b.BindReceiver(recv)
	}
	return nil
}

// names returns the methods' names, sorted, with extra names added.
func (m methods) names(extra ...string) []string {
	names := append(make([]string, 0, len(m)+len(extra)), extra...)
	for n := range m {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

// NoArgs checks that a method takes no arguments.
func NoArgs(b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) error {
	return starlark.UnpackArgs(b.Name(), args, kwargs)
}

// newBuiltin is starlark.NewBuiltin for the runtime's functions: called on
// a thread no runtime made (a host calling a script function with a
// starlark.Thread of its own), it returns an error instead of running
// without its runtime.
func newBuiltin(name string, fn func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error)) *starlark.Builtin {
	return starlark.NewBuiltin(name, func(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		if stateOf(thread) == nil {
			return nil, errForeignThread
		}
		return fn(thread, b, args, kwargs)
	})
}

// MethodSet is a method table whose methods are bound once per Object: an
// object keeps its bound methods in a BoundMethods, made on its first
// method read, so that reading q.get again and again (in a loop that awaits
// q.get()) allocates nothing, and q.get == q.get, as in Python.
type MethodSet struct {
	methods
	index map[string]int // a method's slot in a BoundMethods
	fns   []*starlark.Builtin
}

// BoundMethods is an object's bound methods, by their slot in the
// MethodSet; nil until the first is read.
type BoundMethods []*starlark.Builtin

// NewMethodSet builds a MethodSet from method implementations by name.
func NewMethodSet(fns map[string]func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error)) *MethodSet {
	m := &MethodSet{methods: newMethods(fns), index: make(map[string]int, len(fns))}
	for _, name := range m.names() {
		m.index[name] = len(m.fns)
		m.fns = append(m.fns, m.methods[name])
	}
	return m
}

// attr returns method name bound to recv, or nil, binding it once per
// Object: bound is recv's BoundMethods.
func (m *MethodSet) attr(bound *BoundMethods, recv starlark.Value, name string) starlark.Value {
	i, ok := m.index[name]
	if !ok {
		return nil
	}
	if *bound == nil {
		*bound = make(BoundMethods, len(m.fns))
	}
	b := (*bound)[i]
	if b == nil {
		b = m.fns[i].BindReceiver(recv)
		(*bound)[i] = b
	}
	return b
}
