package interp

import (
	"errors"
	"regexp"

	"go.starlark.net/syntax"
)

// pythonHints maps a Python keyword that Starlark rejects to the asyncrun
// spelling, for syntax errors.
var pythonHints = map[string]string{
	"yield":    "asyncrun has no `yield from x`: write `await_(x)`",
	"await":    "asyncrun has no `await x`: write `await_(x)`",
	"async":    "asyncrun has no `async def f(...)`: write `def f(...)`, then `f = asyncio.coroutine(f)` after it",
	"try":      "asyncrun has no try statement: write `try_(body, except_={T: handler}, else_=..., finally_=...)`",
	"except":   "asyncrun has no try statement: write `try_(body, except_={T: handler}, else_=..., finally_=...)`",
	"finally":  "asyncrun has no try statement: write `try_(body, except_={T: handler}, else_=..., finally_=...)`",
	"raise":    "asyncrun has no raise statement: write `raise_(exc)`",
	"import":   "asyncrun has no import: `asyncio` and the other modules are predeclared; use load(\"file.star\", \"name\") for your own files",
	"from":     "asyncrun has no import: `asyncio` and the other modules are predeclared; use load(\"file.star\", \"name\") for your own files",
	"class":    "Starlark has no classes: use functions, dicts and struct(...)",
	"with":     "Starlark has no with statement: use try_(body, finally_=cleanup)",
	"nonlocal": "Starlark has no nonlocal: keep shared state in a list or dict",
	"global":   "Starlark has no global statement: keep shared state in a list or dict",
	"@":        "asyncrun has no decorators: write `f = asyncio.coroutine(f)` after the def",
}

var gotKeyword = regexp.MustCompile(`^got (\w+), want|^unexpected input character '(@)'`)

// SyntaxHint returns err, an error from parsing asyncrun code, with the
// asyncrun spelling added when a Python keyword that Starlark rejects caused
// it, as ExecFile's syntax errors have it:
//
//	x.star:1:5: got yield, want primary expression (asyncrun has no `yield from x`: write `await_(x)`)
//
// Any other error is returned as it is. A host that parses code itself (with
// FileOptions, as a prompt parses each chunk before ExecChunk) gives its
// users the same hints with it.
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
