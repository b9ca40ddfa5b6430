package builtins

import (
	"strings"

	"github.com/asyncrun/asyncrun/internal/pyfmt"
	"go.starlark.net/starlark"
)

// Python's repr and str of values, for everything a script prints or reads:
// print, str(), repr(), exception messages and reprs, task and future
// reprs, handles, queues. The writing is internal/pyfmt's: strings in
// Python's quotes, (1,), set(), b'x', 1e+16, [...] for a list inside
// itself. Exceptions and their types write themselves (PyRepr, PyStr).

// reprValue returns Python's repr of v.
func reprValue(v starlark.Value) string { return pyfmt.Repr(v) }

// shortReprValue returns Python's reprlib.repr of v, the shortened repr
// CPython's asyncio writes a finished future's result with
// ([0, 1, 2, 3, 4, 5, ...]).
func shortReprValue(v starlark.Value) string { return pyfmt.ShortRepr(v) }

// strValue returns Python's str of v: a string itself, an exception's
// message, else its repr.
func strValue(v starlark.Value) string { return pyfmt.Str(v) }

// pyQuote returns Python's repr of a string.
func pyQuote(s string) string { return pyfmt.Quote(s) }

// pyTypeName returns Python's name of the type of v: "str" for a string,
// else Starlark's type() name.
func pyTypeName(v starlark.Value) string {
	if _, ok := v.(starlark.String); ok {
		return "str"
	}
	return v.Type()
}

func pyBool(b bool) string {
	if b {
		return "True"
	}
	return "False"
}

var (
	_ pyfmt.Reprer = (*exception)(nil)
	_ pyfmt.Strer  = (*exception)(nil)
)

// PyRepr writes Python's repr of an exception, ValueError('boom'); elem
// writes its args, so a list in them that holds the exception prints [...].
func (e *exception) PyRepr(elem func(starlark.Value) string) string {
	s := e.typ.name + "("
	for i, a := range e.args {
		if i > 0 {
			s += ", "
		}
		s += elem(a)
	}
	return s + ")"
}

// PyStr is str(e): its message.
func (e *exception) PyStr(elem func(starlark.Value) string) string { return e.message() }

// str_ is Python's str(x): a string itself, an exception's message, and
// otherwise the repr as CPython writes it (['a', 1] for a list, where
// Starlark's str gives ["a", 1]). One difference stays: str(b) of bytes
// decodes them as UTF-8 (Python's b.decode()), as Starlark's str does and
// as scripts rely on; repr(b) and print(b) give b'..'.
func str_(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(args) == 0 && len(kwargs) == 0 {
		return starlark.String(""), nil // str() is '', as in Python
	}
	if len(args) == 1 && len(kwargs) == 0 {
		if _, isBytes := args[0].(starlark.Bytes); !isBytes {
			return starlark.String(pyfmt.Str(args[0])), nil
		}
	}
	return starlark.Call(thread, starlark.Universe["str"], args, kwargs)
}

// repr_ is Python's repr(x): ValueError('bad') for an exception, 'a' for a
// string, [1, 'a'] for a list (see internal/pyfmt).
func repr_(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var x starlark.Value
	if err := starlark.UnpackPositionalArgs("repr", args, kwargs, 1, &x); err != nil {
		return nil, err
	}
	return starlark.String(pyfmt.Repr(x)), nil
}

// writeRepr writes Python's repr of v to b (outer is unused: kept for the
// callers that pass the containers around v).
func writeRepr(b *strings.Builder, v starlark.Value, outer []starlark.Value) {
	b.WriteString(pyfmt.Repr(v))
}
