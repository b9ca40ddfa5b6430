package frontend

import (
	"go.starlark.net/syntax"
)

// An f-string becomes a call of $fstring with its parts: literal text, and
// for each field {x!c:spec} a call $fmt(x, "c", spec), spec itself a string
// or an $fstring of its own parts. $fmt formats as format() does.

type fstring struct {
	s     *scanner
	raw   bool
	quote string
	start pos
	lit   []byte // literal text not yet a part
	litAt pos
}

// parse parses the f-string's body, from s.i to end (its closing quote).
func (f *fstring) parse(end int) (syntax.Expr, error) {
	parts, err := f.pieces(end, false)
	if err != nil {
		return nil, err
	}
	if len(parts) == 1 {
		if lit, ok := parts[0].(*syntax.Literal); ok {
			return lit, nil
		}
	}
	if len(parts) == 0 {
		return f.literal("", f.start), nil
	}
	c := call(&f.s.filename, "$fstring", f.start, parts...)
	// The call ends at the closing quote (its last part may end lines
	// before, as a field that spans lines does): the REPL reads the
	// statement to its last line by this span.
	q := f.s.here()
	c.Rparen = syntax.MakePosition(&f.s.filename, q.line, q.col)
	return c, nil
}

// pieces parses literal text and fields up to end, or, in a format spec,
// up to its closing brace (left unconsumed).
func (f *fstring) pieces(end int, inSpec bool) ([]syntax.Expr, error) {
	s := f.s
	var parts []syntax.Expr
	f.lit = f.lit[:0]
	for s.i < end {
		c := s.src[s.i]
		switch {
		case c == '{' && s.i+1 < end && s.src[s.i+1] == '{' && !inSpec:
			f.addLit('{')
			s.adv()
			s.adv()
		case c == '{':
			if err := f.flush(&parts); err != nil {
				return nil, err
			}
			x, err := f.field(end)
			if err != nil {
				return nil, err
			}
			parts = append(parts, x...)
		case c == '}' && inSpec:
			return parts, f.flush(&parts)
		case c == '}' && s.i+1 < end && s.src[s.i+1] == '}':
			f.addLit('}')
			s.adv()
			s.adv()
		case c == '}':
			return nil, s.errorf(s.here(), "f-string: single '}' is not allowed")
		case c == '\\' && !f.raw && s.i+1 < end:
			j := s.i
			f.addLit(c)
			s.adv()
			s.adv()
			f.lit = append(f.lit, s.src[j+1:s.i]...)
		default:
			j := s.i
			f.addLit(c)
			s.adv()
			f.lit = append(f.lit, s.src[j+1:s.i]...)
		}
	}
	if inSpec {
		return nil, s.errorf(s.here(), "f-string: expecting '}'")
	}
	return parts, f.flush(&parts)
}

func (f *fstring) addLit(c byte) {
	if len(f.lit) == 0 {
		f.litAt = f.s.here()
	}
	f.lit = append(f.lit, c)
}

// flush makes the literal text a part.
func (f *fstring) flush(parts *[]syntax.Expr) error {
	if len(f.lit) == 0 {
		return nil
	}
	text := string(f.lit)
	f.lit = f.lit[:0]
	value := text
	for i := 0; i < len(text); i++ {
		if text[i] == '\\' {
			var err error
			if value, err = f.decode(text); err != nil {
				return err
			}
			break
		}
	}
	*parts = append(*parts, f.literal(value, f.litAt))
	return nil
}

// decode decodes the escapes of text as go.starlark.net does for a string
// literal with the f-string's quotes.
func (f *fstring) decode(text string) (string, error) {
	prefix := ""
	if f.raw {
		prefix = "r"
	}
	buf := prefix + f.quote + text + f.quote
	// Braces were doubled in the source; escapes are all that is left.
	x, err := syntax.ParseExpr(f.s.filename, buf, 0)
	if err != nil {
		return "", f.s.errorf(f.litAt, "f-string: invalid literal text %s", buf)
	}
	lit, ok := x.(*syntax.Literal)
	if !ok || lit.Token != syntax.STRING {
		return "", f.s.errorf(f.litAt, "f-string: invalid literal text %s", buf)
	}
	return lit.Value.(string), nil
}

func (f *fstring) literal(value string, at pos) *syntax.Literal {
	return &syntax.Literal{Token: syntax.STRING, TokenPos: syntax.MakePosition(&f.s.filename, at.line, at.col), Raw: syntax.Quote(value, false), Value: value}
}

// fieldEnd returns the offset of the end of the field's expression at j: a
// '}', '!', ':' or '=' (not of an operator) outside brackets and strings.
func (f *fstring) fieldEnd(j, end int) int {
	s := f.s
	depth := 0
	for j < end {
		c := s.src[j]
		switch c {
		case '(', '[', '{':
			depth++
		case ')', ']':
			depth--
		case '}':
			if depth == 0 {
				return j
			}
			depth--
		case '!':
			if depth == 0 && (j+1 >= end || s.src[j+1] != '=') {
				return j
			}
			j++
		case ':':
			if depth == 0 {
				return j
			}
		case '=':
			if j+1 < end && s.src[j+1] == '=' {
				j++
			} else if depth == 0 {
				return j
			}
		case '<', '>':
			if j+1 < end && s.src[j+1] == '=' {
				j++
			}
		case '"', '\'':
			if e, _ := s.stringEnd(j); e >= 0 && e <= end {
				j = e
				continue
			}
		}
		j++
	}
	return end
}

// field parses {expr[=][!c][:spec]} at s.i, returning its parts.
func (f *fstring) field(end int) ([]syntax.Expr, error) {
	s := f.s
	open := s.here()
	s.adv()
	from, xp := s.i, s.here()
	j := f.fieldEnd(s.i, end)
	if j >= end {
		return nil, s.errorf(open, "f-string: expecting '}'")
	}
	text := s.src[from:j]
	if len(trimSpace(text)) == 0 {
		return nil, s.errorf(open, "f-string: empty expression not allowed")
	}
	x, err := parseExprAt(s.filename, text, xp, s.tolerant)
	if err != nil {
		return nil, err
	}
	s.advTo(j)
	var parts []syntax.Expr
	selfDoc := false
	if s.src[s.i] == '=' {
		s.adv()
		for s.i < end && (s.src[s.i] == ' ' || s.src[s.i] == '\t') {
			s.adv()
		}
		parts = append(parts, f.literal(string(s.src[from:s.i]), xp))
		selfDoc = true
	}
	conv := ""
	if s.i < end && s.src[s.i] == '!' {
		s.adv()
		if s.i >= end || (s.src[s.i] != 'r' && s.src[s.i] != 's' && s.src[s.i] != 'a') {
			return nil, s.errorf(s.here(), "f-string: invalid conversion character: expected 's', 'r', or 'a'")
		}
		conv = string(s.src[s.i])
		s.adv()
	}
	var spec syntax.Expr
	if s.i < end && s.src[s.i] == ':' {
		s.adv()
		sp := s.here()
		saved, savedAt := f.lit, f.litAt
		f.lit = nil
		specParts, err := f.pieces(end, true)
		f.lit, f.litAt = saved[:0], savedAt
		if err != nil {
			return nil, err
		}
		switch len(specParts) {
		case 0:
		case 1:
			spec = specParts[0]
		default:
			spec = call(&f.s.filename, "$fstring", sp, specParts...)
		}
	}
	if s.i >= end || s.src[s.i] != '}' {
		return nil, s.errorf(open, "f-string: expecting '}'")
	}
	s.adv()
	if selfDoc && conv == "" && spec == nil {
		conv = "r"
	}
	if spec == nil {
		spec = f.literal("", xp)
	}
	return append(parts, call(&s.filename, "$fmt", xp, x, f.literal(conv, xp), spec)), nil
}

func trimSpace(b []byte) []byte {
	for len(b) > 0 && (b[0] == ' ' || b[0] == '\t' || b[0] == '\n' || b[0] == '\r') {
		b = b[1:]
	}
	for len(b) > 0 && (b[len(b)-1] == ' ' || b[len(b)-1] == '\t' || b[len(b)-1] == '\n' || b[len(b)-1] == '\r') {
		b = b[:len(b)-1]
	}
	return b
}
