package pyfmt

import (
	"math"
	"slices"
	"strings"

	"go.starlark.net/starlark"
	"go.starlark.net/starlarkstruct"
)

// Reprer is a value that writes its own Python repr, such as an exception
// (ValueError('boom')) or a task. elem writes a value inside it (an
// exception's args) with the containers around it known, so a list that
// holds the value prints as [...] there, as in CPython.
type Reprer interface {
	PyRepr(elem func(starlark.Value) string) string
}

// A Container is a Reprer that can hold itself, as a list can: inside its
// own repr it is written as PyReprMark ("...") instead of recursing. (An
// exception is not one: CPython writes ValueError([ValueError([...])]),
// the list inside it stopping the recursion.)
type Container interface {
	Reprer
	PyReprMark() string
}

// Strer is a value whose Python str is not its repr, such as an exception
// (str(ValueError('boom')) is boom). elem is as for Reprer.
type Strer interface {
	PyStr(elem func(starlark.Value) string) string
}

// Repr returns Python's repr of v: strings in Python's quotes ('a',
// "it's"), (1,), {'k': None}, set(), {1, 2}, b'x', 1e+16, inf, nan, -0.0,
// [[...]] for a list inside itself. A Reprer writes itself. Starlark
// values Python lacks print as struct(name='x', n=1) for a struct,
// <function f> for a function, <built-in function print> for a builtin,
// and as Starlark writes them otherwise.
func Repr(v starlark.Value) string {
	p := printer{}
	p.repr(v)
	return p.b.String()
}

// Str returns Python's str of v: a string itself, a Strer's own text, and
// otherwise Repr(v).
func Str(v starlark.Value) string {
	switch v := v.(type) {
	case starlark.String:
		return string(v)
	case Strer:
		p := printer{}
		return v.PyStr(p.elem)
	}
	return Repr(v)
}

// printer writes reprs; outer holds the mutable containers being written,
// to print one inside itself as CPython does.
type printer struct {
	b     strings.Builder
	outer []starlark.Value
}

// elem returns the repr of v inside the values being written.
func (p *printer) elem(v starlark.Value) string {
	q := printer{outer: p.outer}
	q.repr(v)
	return q.b.String()
}

func (p *printer) repr(v starlark.Value) {
	switch v := v.(type) {
	case starlark.String:
		p.b.WriteString(Quote(string(v)))
	case starlark.Bytes:
		p.b.WriteString(QuoteBytes(string(v)))
	case starlark.Float:
		p.b.WriteString(FloatRepr(float64(v)))
	case starlark.Int:
		p.b.WriteString(v.String())
	case starlark.Tuple:
		p.seq("(", ")", v)
		if len(v) == 1 {
			s := p.b.String()
			p.b.Reset()
			p.b.WriteString(s[:len(s)-1] + ",)")
		}
	case *starlark.List:
		if p.enter(v, "[...]") {
			p.seq("[", "]", v)
			p.leave()
		}
	case *starlark.Set:
		if v.Len() == 0 {
			p.b.WriteString("set()")
			return
		}
		if p.enter(v, "{...}") {
			var elems []starlark.Value
			for x := range starlark.Elements(v) {
				elems = append(elems, x)
			}
			p.seq("{", "}", starlark.Tuple(elems))
			p.leave()
		}
	case *starlark.Dict:
		if p.enter(v, "{...}") {
			p.b.WriteString("{")
			for i, kv := range v.Items() {
				if i > 0 {
					p.b.WriteString(", ")
				}
				p.repr(kv[0])
				p.b.WriteString(": ")
				p.repr(kv[1])
			}
			p.b.WriteString("}")
			p.leave()
		}
	case *starlarkstruct.Struct:
		if p.enter(v, "struct(...)") {
			name := "struct"
			if c := v.Constructor(); c != starlarkstruct.Default {
				name = c.String()
			}
			p.b.WriteString(name + "(")
			for i, attr := range v.AttrNames() {
				if i > 0 {
					p.b.WriteString(", ")
				}
				x, _ := v.Attr(attr)
				p.b.WriteString(attr + "=")
				p.repr(x)
			}
			p.b.WriteString(")")
			p.leave()
		}
	case Reprer:
		if c, ok := v.(Container); ok {
			if !p.enter(v.(starlark.Value), c.PyReprMark()) {
				return
			}
			defer p.leave()
		}
		p.b.WriteString(v.PyRepr(p.elem))
	default:
		p.b.WriteString(v.String())
	}
}

// enter notes that container v is being written, or writes mark and
// reports false when v is already being written (it holds itself).
func (p *printer) enter(v starlark.Value, mark string) bool {
	if slices.Contains(p.outer, v) {
		p.b.WriteString(mark)
		return false
	}
	p.outer = append(p.outer, v)
	return true
}

func (p *printer) leave() { p.outer = p.outer[:len(p.outer)-1] }

func (p *printer) seq(open, close string, xs starlark.Indexable) {
	p.b.WriteString(open)
	for i := range xs.Len() {
		if i > 0 {
			p.b.WriteString(", ")
		}
		p.repr(xs.Index(i))
	}
	p.b.WriteString(close)
}

// FloatRepr returns Python's repr of f: the shortest text that reads back
// as f, in fixed notation for exponents from -4 to 15 (1000000000000000.0,
// 0.0001) and scientific otherwise (1e+16, 1e-05); inf, -inf, nan, -0.0.
func FloatRepr(f float64) string {
	sign := ""
	if math.Signbit(f) && !math.IsNaN(f) {
		sign = "-"
	}
	return sign + floatDigits(math.Abs(f), 'r', 0, false, true)
}
