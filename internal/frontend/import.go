package frontend

// An import statement becomes `pass` (blanks after it), and the patcher puts
// its bindings in that statement's place:
//
//	import asyncio, json as j    asyncio = $import("asyncio"); j = $import("json")
//	from asyncio import sleep    sleep = $from("asyncio", "sleep")

type importToken struct {
	text string // a name, or one of . , ( ) *
	p    pos
}

// importTokens scans the tokens of the import statement at s.i, up to its
// end (a newline outside brackets, a comment, `;` or the end); it leaves
// s.i there.
func (s *scanner) importTokens() ([]importToken, error) {
	var toks []importToken
	depth := 0
	for s.i < len(s.src) {
		c := s.src[s.i]
		switch {
		case c == ' ' || c == '\t' || c == '\f':
			s.adv()
		case c == '\\' && s.i+1 < len(s.src) && (s.src[s.i+1] == '\n' || s.src[s.i+1] == '\r'):
			s.adv()
			s.adv()
		case c == '\n' || c == '\r':
			if depth == 0 {
				return toks, nil
			}
			s.adv()
		case c == '#' || c == ';' && depth == 0:
			return toks, nil
		case isIdentStart(c):
			p := s.here()
			w := s.wordAt(s.i)
			s.advTo(s.i + len(w))
			toks = append(toks, importToken{w, p})
		case c == '(' || c == ')' || c == ',' || c == '.' || c == '*':
			if c == '(' {
				depth++
			} else if c == ')' {
				depth--
			}
			toks = append(toks, importToken{string(c), s.here()})
			s.adv()
		default:
			return nil, s.errorf(s.here(), "invalid syntax in import statement")
		}
	}
	return toks, nil
}

// importStmt scans the import statement starting with keyword kw at from
// (position p).
func (s *scanner) importStmt(from int, p pos, kw string) error {
	toks, err := s.importTokens()
	if err != nil {
		return err
	}
	end := s.i
	var bs []binding
	if kw == "import" {
		bs, err = s.importNames(toks, p)
	} else {
		bs, err = s.fromNames(toks, p)
	}
	if err != nil {
		return err
	}
	with := append([]byte("pass"), blank(s.src[from+4:end])...)
	s.replace(from, end, with)
	mark(&s.rec.imports, p, bs)
	s.prev = 'a'
	return nil
}

// name returns the identifier at toks[i], or an error at the token (or at
// p if there is none).
func (s *scanner) name(toks []importToken, i int, p pos, want string) (importToken, error) {
	if i < len(toks) {
		t := toks[i]
		if isIdentStart(t.text[0]) && !keywords[t.text] {
			return t, nil
		}
		return t, s.errorf(t.p, "invalid syntax: got %q in import statement, want %s", t.text, want)
	}
	return importToken{}, s.errorf(p, "invalid syntax: import statement ends early, want %s", want)
}

var keywords = map[string]bool{"import": true, "from": true, "as": true, "def": true, "in": true, "is": true, "not": true, "and": true, "or": true}

// module parses a module name at toks[i]: one name (asyncrun has no packages).
func (s *scanner) module(toks []importToken, i int, p pos) (importToken, int, error) {
	m, err := s.name(toks, i, p, "a module name")
	if err != nil {
		if i < len(toks) && toks[i].text == "." {
			return m, i, s.errorf(toks[i].p, "asyncrun has no relative imports: use load(\"file.star\", \"name\") for your own files")
		}
		return m, i, err
	}
	if i+1 < len(toks) && toks[i+1].text == "." {
		return m, i, s.errorf(m.p, "No module named '%s': asyncrun has no packages; its modules (asyncio, json, math, time, datetime, functools, contextvars, sys) are single names", m.text)
	}
	return m, i + 1, nil
}

// asName parses an optional `as name` at toks[i].
func (s *scanner) asName(toks []importToken, i int, p pos, t importToken) (importToken, int, error) {
	if i < len(toks) && toks[i].text == "as" {
		n, err := s.name(toks, i+1, p, "a name after as")
		return n, i + 2, err
	}
	return t, i, nil
}

func (s *scanner) importNames(toks []importToken, p pos) ([]binding, error) {
	var bs []binding
	for i := 0; ; {
		m, j, err := s.module(toks, i, p)
		if err != nil {
			return nil, err
		}
		n, j, err := s.asName(toks, j, p, m)
		if err != nil {
			return nil, err
		}
		bs = append(bs, binding{name: n.text, namePos: n.p, module: m.text, stmtPos: p})
		if j == len(toks) {
			return bs, nil
		}
		if toks[j].text != "," {
			return nil, s.errorf(toks[j].p, "invalid syntax: got %q in import statement, want ','", toks[j].text)
		}
		i = j + 1
	}
}

func (s *scanner) fromNames(toks []importToken, p pos) ([]binding, error) {
	m, i, err := s.module(toks, 0, p)
	if err != nil {
		return nil, err
	}
	if i >= len(toks) || toks[i].text != "import" {
		return nil, s.errorf(m.p, "invalid syntax: want `from %s import name`", m.text)
	}
	i++
	if i < len(toks) && toks[i].text == "*" {
		return nil, s.errorf(toks[i].p, "asyncrun has no `from %s import *`: name what you import, or use %s.name", m.text, m.text)
	}
	paren := i < len(toks) && toks[i].text == "("
	if paren {
		i++
	}
	var bs []binding
	for {
		if paren && i < len(toks) && toks[i].text == ")" && len(bs) > 0 {
			i++
			break
		}
		a, err := s.name(toks, i, p, "a name to import")
		if err != nil {
			return nil, err
		}
		n, j, err := s.asName(toks, i+1, p, a)
		if err != nil {
			return nil, err
		}
		bs = append(bs, binding{name: n.text, namePos: n.p, module: m.text, attr: a.text, stmtPos: p})
		i = j
		if i < len(toks) && toks[i].text == "," {
			i++
			continue
		}
		if paren {
			if i < len(toks) && toks[i].text == ")" {
				i++
				break
			}
			return nil, s.errorf(p, "invalid syntax: import statement's ( is not closed")
		}
		break
	}
	if i < len(toks) {
		return nil, s.errorf(toks[i].p, "invalid syntax: got %q in import statement", toks[i].text)
	}
	return bs, nil
}
