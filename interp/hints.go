package interp

import (
	"errors"
	"regexp"

	"go.starlark.net/syntax"
)

// pythonHints maps a Python keyword that Starlark rejects (where the front
// end does not give it Python's meaning) to the asyncrun spelling, for
// syntax errors.
var pythonHints = map[string]string{
	// Only a host that parses with go.starlark.net itself, not with Parse,
	// sees these three.
	"await":    "this parser has no `await x`: write `await_(x)`, or parse with interp.Parse",
	"yield":    "this parser has no `yield from x`: write `await_(x)`, or parse with interp.Parse",
	"@":        "a decorator goes on a line of its own, above a def or async def",
	"async":    "`async` starts a line, before def: `async def f(...):`",
	"import":   "an import statement goes on a line of its own: `import asyncio`, `from asyncio import sleep`",
	"from":     "an import statement goes on a line of its own: `from asyncio import sleep`",
	"try":      "asyncrun has no try statement: write `try_(body, except_={T: handler}, else_=..., finally_=...)`",
	"except":   "asyncrun has no try statement: write `try_(body, except_={T: handler}, else_=..., finally_=...)`",
	"finally":  "asyncrun has no try statement: write `try_(body, except_={T: handler}, else_=..., finally_=...)`",
	"raise":    "asyncrun has no raise statement: write `raise_(exc)`",
	"class":    "asyncrun has no classes: use functions, dicts and struct(...); type(name, (Exception,), {}) makes an exception type",
	"with":     "asyncrun has no with statement: write `with_(cm, body)` (`await with_(cm, body)` for async with), body a function of the entered value",
	"nonlocal": "asyncrun has no nonlocal: keep shared state in a list or dict",
	"global":   "asyncrun has no global statement: keep shared state in a list or dict",
	"del":      "asyncrun has no del statement: use d.pop(key) or list.pop(i)",
	"return":   "a lambda's body is one expression: write a def for statements",
	"pass":     "a lambda's body is one expression: write a def for statements",
}

var gotKeyword = regexp.MustCompile(`^got (\w+), want|^unexpected input character '(@)'`)

// SyntaxHint returns err, an error from parsing asyncrun code, with the
// asyncrun spelling added when a Python keyword that Starlark rejects caused
// it, as ExecFile's syntax errors have it:
//
//	x.star:1:1: got try, want primary expression (asyncrun has no try statement: write `try_(body, except_={T: handler}, else_=..., finally_=...)`)
//
// Any other error is returned as it is. Parse and ParseCompoundStmt add
// the hints themselves, and read Python's async syntax; a host that parses
// code with go.starlark.net itself (with FileOptions) gives its users the
// same hints with SyntaxHint.
func SyntaxHint(err error) error { return withHint(err) }

// withHint adds the asyncrun spelling to a syntax error caused by a Python
// keyword.
func withHint(err error) error {
	var se syntax.Error
	if !errors.As(err, &se) {
		return err
	}
	m := gotKeyword.FindStringSubmatch(se.Msg)
	if m == nil {
		return err
	}
	word := m[1] + m[2]
	if hint, ok := pythonHints[word]; ok {
		se.Msg += " (" + hint + ")"
		return se
	}
	return err
}
