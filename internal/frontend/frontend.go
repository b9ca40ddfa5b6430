// Package frontend turns asyncrun source text into a compiled program: it is
// the one way from source to *starlark.Program, for every entry point (the
// CLI, the REPL, load() and the interp API).
//
// The source is Starlark plus Python's async syntax. go.starlark.net reserves
// Python's keywords (async, await, is, import, yield, ...), so no Starlark
// program uses them, and giving them Python's meaning breaks none. The front
// end has no parser of its own: a small scanner of its own (strings,
// comments, brackets, line structure) rewrites the new spellings in place,
// keeping every token's line and column, into text go.starlark.net parses;
// the parsed tree is then patched where the scanner made changes, and
// compiled by starlark.FileProgram. A program that uses none of the new
// syntax reaches the parser unchanged and compiles to the same bytecode.
//
// The rewrites:
//
//	async def f(...):      def       f(...):  then f = $coroutine(f) after the def
//	await x                ~     x            the UnaryExpr becomes $await(x)
//	yield from x           ~          x       (inside @asyncio.coroutine) the same
//	x is y, x is not y     x == y, x !=     y the BinaryExpr becomes $is(x, y), not $is(x, y)
//	@d above a def         blanked            f = d(f) after the def, bottom-up
//	import m, from m import a   pass           m = $import("m"), a = $from("m", "a")
//	f"a{x!r:>{w}}"         "            "     $fstring("a", $fmt(x, "r", $fstring(">", $fmt(w, "", ""))))
//	g(*a, k=v)             (parsed as is)     g(*a, **$kw(("k", v)))
//
// Names beginning with `$` cannot be written by a script; they are
// predeclared (see Hidden) and resolve as any predeclared name.
package frontend

import (
	"go.starlark.net/starlark"
	"go.starlark.net/syntax"
)

// Parse parses src, Starlark plus Python's async syntax, into a syntax tree
// whose new syntax is rewritten into calls of the hidden names (see Hidden).
// Errors are syntax.Error values positioned in src as written.
func Parse(opts *syntax.FileOptions, filename string, src []byte) (*syntax.File, error) {

	sc := newScanner(filename, src, false)
	text, err := sc.run()
	if err != nil {
		return nil, err
	}
	f, err := opts.Parse(filename, text, 0)
	if err != nil {
		return nil, err
	}
	if sc.rec.empty() {
		return f, nil
	}
	p := &patcher{rec: &sc.rec, file: &f.Path}
	f.Stmts = p.stmts(f.Stmts)
	if p.err != nil {
		return nil, p.err
	}
	return f, nil
}

// Compile parses src (see Parse), resolves it with the given predeclared
// names (the hidden names of Hidden must be among them) and compiles it.
func Compile(opts *syntax.FileOptions, filename string, src []byte, isPredeclared func(string) bool) (*starlark.Program, error) {
	f, err := Parse(opts, filename, src)
	if err != nil {
		return nil, err
	}
	return starlark.FileProgram(f, isPredeclared)
}
