package frontend

import (
	"fmt"
	"unicode/utf8"

	"go.starlark.net/syntax"
)

// pos is a line and column (in runes, from 1), as syntax.Position counts them.
type pos struct{ line, col int32 }

func posOf(p syntax.Position) pos { return pos{p.Line, p.Col} }

// records are what the scanner changed, by the position of the token the
// parser will see there.
type records struct {
	awaits     map[pos]bool          // `~` of an await (true: of a yield from)
	isOps      map[pos]bool          // `==`/`!=` of an is (true: is not)
	asyncDefs  map[pos]bool          // def of an async def
	decorators map[pos][]syntax.Expr // by the position of their def
	coroDefs   map[pos]bool          // defs decorated with a coroutine decorator
	imports    map[pos][]binding     // by the position of the `pass` put in their place
	fstrings   map[pos]syntax.Expr   // by the position of the placeholder literal
	starKw     bool                  // a call may have a keyword after *args
}

func (r *records) empty() bool {
	return len(r.awaits) == 0 && len(r.isOps) == 0 && len(r.asyncDefs) == 0 && len(r.decorators) == 0 &&
		len(r.imports) == 0 && len(r.fstrings) == 0 && !r.starKw
}

func mark[V any](m *map[pos]V, p pos, v V) {
	if *m == nil {
		*m = make(map[pos]V)
	}
	(*m)[p] = v
}

// A binding is a name an import statement binds.
type binding struct {
	name    string // the name bound
	namePos pos
	module  string
	attr    string // "" for `import module`
	stmtPos pos
}

// scanner rewrites source text as the package doc describes. It knows
// Starlark's (and Python's) tokens only as far as it needs to: strings,
// comments, brackets, identifiers and line structure.
type scanner struct {
	filename string
	src      []byte
	out      []byte // the rewritten text, up to src[copied:]; nil while unchanged
	copied   int
	i        int
	line     int32
	col      int32
	depth    int
	stars    []bool // per open bracket: a *arg or **arg was seen in it
	start    bool   // the next token starts a statement
	prev     byte   // the previous token: an operator's first byte, 'a' for a name or literal
	exprMode bool   // scanning an expression (no statements)
	tolerant bool   // the REPL's look-ahead: incomplete input is not an error
	rec      records
	decos    []syntax.Expr // decorators waiting for their def
	coro     bool          // one of them is a coroutine decorator
	decoPos  pos
}

func newScanner(filename string, src []byte, exprMode bool) *scanner {
	return &scanner{filename: filename, src: src, line: 1, col: 1, start: !exprMode, exprMode: exprMode}
}

// errorf returns a syntax error at p.
func (s *scanner) errorf(p pos, format string, args ...any) error {
	return syntax.Error{Pos: syntax.MakePosition(&s.filename, p.line, p.col), Msg: fmt.Sprintf(format, args...)}
}

func (s *scanner) here() pos { return pos{s.line, s.col} }

// adv moves past one rune, counting lines and columns as the Starlark scanner does.
func (s *scanner) adv() {
	c := s.src[s.i]
	if c < utf8.RuneSelf {
		s.i++
		switch c {
		case '\r':
			if s.i < len(s.src) && s.src[s.i] == '\n' {
				s.i++
			}
			fallthrough
		case '\n':
			s.line++
			s.col = 1
		default:
			s.col++
		}
		return
	}
	_, n := utf8.DecodeRune(s.src[s.i:])
	s.i += n
	s.col++
}

// advTo moves to byte offset j.
func (s *scanner) advTo(j int) {
	for s.i < j {
		s.adv()
	}
}

// replace replaces src[from:to] by with (the same runes per line).
func (s *scanner) replace(from, to int, with []byte) {
	if s.out == nil {
		s.out = make([]byte, 0, len(s.src)+16)
	}
	s.out = append(s.out, s.src[s.copied:from]...)
	s.out = append(s.out, with...)
	s.copied = to
}

// blank returns text with every rune but line ends made a space.
func blank(text []byte) []byte {
	b := make([]byte, 0, len(text))
	for _, r := range string(text) {
		if r == '\n' || r == '\r' {
			b = append(b, byte(r))
		} else {
			b = append(b, ' ')
		}
	}
	return b
}

// result is the rewritten text.
func (s *scanner) result() []byte {
	if s.out == nil {
		return s.src
	}
	return append(s.out, s.src[s.copied:]...)
}

func isIdentStart(c byte) bool {
	return c == '_' || c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= utf8.RuneSelf
}

func isIdentByte(c byte) bool { return isIdentStart(c) || c >= '0' && c <= '9' }

// run scans the whole source and returns the rewritten text.
func (s *scanner) run() ([]byte, error) {
	for s.i < len(s.src) {
		if err := s.token(); err != nil {
			return nil, err
		}
	}
	if s.decos != nil && !s.tolerant {
		return nil, s.errorf(s.decoPos, "a decorator must be followed by def or async def")
	}
	return s.result(), nil
}

// token scans the next token (or space).
func (s *scanner) token() error {
	c := s.src[s.i]
	switch {
	case c == '\n' || c == '\r':
		s.adv()
		if s.depth == 0 && !s.exprMode {
			s.start = true
		}
		return nil
	case c == ' ' || c == '\t' || c == '\f':
		s.adv()
		return nil
	case c == '\\':
		s.adv()
		if s.i < len(s.src) && (s.src[s.i] == '\n' || s.src[s.i] == '\r') {
			s.adv() // a line continued
		}
		return nil
	case c == '#':
		for s.i < len(s.src) && s.src[s.i] != '\n' && s.src[s.i] != '\r' {
			s.i++ // columns do not matter until the line ends
		}
		return nil
	}
	atStart := s.start
	s.start = false
	if s.decos != nil && atStart && c != '@' && !s.startsDef() {
		return s.errorf(s.decoPos, "a decorator must be followed by def or async def")
	}
	switch {
	case c == '"' || c == '\'':
		s.prev = 'a'
		return s.str(s.i, s.here(), "")
	case isIdentStart(c):
		return s.word(atStart)
	case c >= '0' && c <= '9':
		for s.i < len(s.src) && (isIdentByte(s.src[s.i]) || s.src[s.i] == '.') {
			s.adv()
		}
		s.prev = 'a'
		return nil
	case c == '@' && atStart && !s.exprMode:
		return s.decorator()
	}
	switch c {
	case '(', '[', '{':
		s.depth++
		s.stars = append(s.stars, false)
	case ')', ']', '}':
		if s.depth > 0 {
			s.depth--
			s.stars = s.stars[:len(s.stars)-1]
		}
	case '*':
		if s.depth > 0 && (s.prev == '(' || s.prev == ',') {
			s.stars[len(s.stars)-1] = true
		}
		if s.i+1 < len(s.src) && s.src[s.i+1] == '*' {
			s.adv()
		}
	case ';':
		if s.depth == 0 && !s.exprMode {
			s.start = true
		}
	case '.':
		if s.i+2 < len(s.src) && s.src[s.i+1] == '.' && s.src[s.i+2] == '.' {
			s.adv()
			s.adv()
		}
	}
	s.prev = c
	s.adv()
	return nil
}

// startsDef reports whether the statement at s.i is a def or async def.
func (s *scanner) startsDef() bool {
	w := s.wordAt(s.i)
	if w == "async" {
		w = s.wordAt(s.skipSpace(s.i + 5))
	}
	return w == "def"
}

// wordAt returns the identifier at byte offset j.
func (s *scanner) wordAt(j int) string {
	k := j
	for k < len(s.src) && isIdentByte(s.src[k]) {
		k++
	}
	return string(s.src[j:k])
}

// skipSpace returns the offset of the first byte at or after j that is not
// a space or tab.
func (s *scanner) skipSpace(j int) int {
	for j < len(s.src) && (s.src[j] == ' ' || s.src[j] == '\t') {
		j++
	}
	return j
}

// word scans an identifier, keyword or string prefix.
func (s *scanner) word(atStart bool) error {
	from, p := s.i, s.here()
	w := s.wordAt(s.i)
	end := from + len(w)
	if end < len(s.src) && (s.src[end] == '"' || s.src[end] == '\'') && isStringPrefix(w) {
		s.advTo(end)
		s.prev = 'a'
		return s.str(from, p, w)
	}
	afterDot := s.prev == '.'
	if s.depth > 0 && s.stars[len(s.stars)-1] && (s.prev == '(' || s.prev == ',') {
		// A keyword argument after *args (or a keyword parameter after *).
		if j := s.skipSpace(end); j+1 < len(s.src) && s.src[j] == '=' && s.src[j+1] != '=' {
			s.rec.starKw = true
		}
	}
	s.advTo(end)
	s.prev = 'a'
	if afterDot {
		if w == "async" {
			return s.errorf(p, "async is a keyword: the seed's asyncio.async(...) is spelled asyncio.async_(...) (or asyncio.ensure_future)")
		}
		return nil
	}
	switch w {
	case "await":
		s.replace(from, end, []byte("~    "))
		s.prev = '~'
		mark(&s.rec.awaits, p, false)
	case "is":
		j := s.skipSpace(end)
		if s.wordAt(j) == "not" {
			with := append([]byte("!="), blank(s.src[from+2:j+3])...)
			s.replace(from, j+3, with)
			s.advTo(j + 3)
			mark(&s.rec.isOps, p, true)
		} else {
			s.replace(from, end, []byte("=="))
			mark(&s.rec.isOps, p, false)
		}
		s.prev = '='
	case "yield":
		j := s.skipSpace(end)
		if s.wordAt(j) != "from" {
			return s.errorf(p, "asyncrun has no generators: `yield` is not supported (in an @asyncio.coroutine function, `yield from x` awaits x)")
		}
		with := append([]byte("~"), blank(s.src[from+1:j+4])...)
		s.replace(from, j+4, with)
		s.advTo(j + 4)
		s.prev = '~'
		mark(&s.rec.awaits, p, true)
	case "async":
		if !atStart {
			return nil // the parser's error
		}
		j := s.skipSpace(end)
		switch next := s.wordAt(j); next {
		case "def":
			with := append([]byte("def"), blank(s.src[from+3:j+3])...)
			s.replace(from, j+3, with)
			s.advTo(j + 3)
			mark(&s.rec.asyncDefs, p, true)
			s.attachDecorators(p)
		case "for":
			return s.errorf(p, "asyncrun has no `async for`: loop with while, awaiting each item (`line = await reader.readline()`)")
		case "with":
			return s.errorf(p, "asyncrun has no `async with` statement: write `await with_(cm, body)`, body a function of the entered value")
		default:
			return s.errorf(p, "`async` must be followed by def")
		}
	case "def":
		if atStart {
			s.attachDecorators(p)
		}
	case "import", "from":
		if atStart && !s.exprMode {
			return s.importStmt(from, p, w)
		}
	}
	return nil
}

// attachDecorators gives the waiting decorators to the def at p.
func (s *scanner) attachDecorators(p pos) {
	if s.decos == nil {
		return
	}
	mark(&s.rec.decorators, p, s.decos)
	if s.coro {
		mark(&s.rec.coroDefs, p, true)
	}
	s.decos, s.coro = nil, false
}

func isStringPrefix(w string) bool {
	if len(w) > 2 {
		return false
	}
	for i := 0; i < len(w); i++ {
		switch w[i] {
		case 'r', 'R', 'b', 'B', 'f', 'F':
		default:
			return false
		}
	}
	return true
}

// stringEnd returns the offset just past the string literal whose opening
// quote is at q, and whether its quotes are triple; -1 if it does not end.
func (s *scanner) stringEnd(q int) (end int, triple bool) {
	quote := s.src[q]
	triple = q+2 < len(s.src) && s.src[q+1] == quote && s.src[q+2] == quote
	j := q + 1
	if triple {
		j = q + 3
	}
	for j < len(s.src) {
		c := s.src[j]
		switch {
		case c == '\\':
			j += 2
			continue
		case c == quote:
			if !triple {
				return j + 1, false
			}
			if j+2 < len(s.src) && s.src[j+1] == quote && s.src[j+2] == quote {
				return j + 3, true
			}
		case (c == '\n' || c == '\r') && !triple:
			return -1, false
		}
		j++
	}
	return -1, triple
}

// str scans a string literal starting at from (its prefix, if any, then the
// quote at s.i); p is from's position.
func (s *scanner) str(from int, p pos, prefix string) error {
	end, triple := s.stringEnd(s.i)
	isF := false
	for i := 0; i < len(prefix); i++ {
		if prefix[i] == 'f' || prefix[i] == 'F' {
			isF = true
		}
	}
	if end < 0 {
		// Unterminated: the parser reports it (or the REPL reads on). The
		// REPL's parser is given the lines read so far: an f-string's
		// prefix is blanked there as its placeholder's is, so that it
		// reads a plain string, then the placeholder's later lines.
		if s.tolerant && isF {
			s.replace(from, s.i, blank(s.src[from:s.i]))
		}
		s.advTo(len(s.src))
		return nil
	}
	if !isF {
		s.advTo(end)
		return nil
	}
	q := s.i
	qlen := 1
	if triple {
		qlen = 3
	}
	qpos := s.here()
	raw := false
	for i := 0; i < len(prefix); i++ {
		if prefix[i] == 'r' || prefix[i] == 'R' {
			raw = true
		}
		if prefix[i] == 'b' || prefix[i] == 'B' {
			return s.errorf(p, "f-strings cannot be bytes")
		}
	}
	s.advTo(q + qlen)
	fs := &fstring{s: s, raw: raw, quote: string(s.src[q : q+qlen]), start: p}
	x, err := fs.parse(end - qlen)
	if err != nil {
		return err
	}
	if lit, ok := x.(*syntax.Literal); ok {
		// An f-string with no fields: its span is the source's, lines
		// and all (the REPL reads a statement to its last line by it).
		lit.TokenPos, lit.Raw = syntax.MakePosition(&s.filename, p.line, p.col), string(s.src[from:end])
	}
	// The placeholder: the prefix as spaces, then a plain string of spaces.
	with := make([]byte, 0, end-from)
	with = append(with, blank(s.src[from:q])...)
	with = append(with, s.src[q:q+qlen]...)
	body := s.src[q+qlen : end-qlen]
	for k := 0; k < len(body); k++ {
		c := body[k]
		switch {
		case c == '\\' && !triple && k+1 < len(body) && (body[k+1] == '\n' || body[k+1] == '\r'):
			with = append(with, '\\')
		case c == '\n' || c == '\r':
			with = append(with, c)
		case c >= utf8.RuneSelf && !utf8.RuneStart(c):
		default:
			with = append(with, ' ')
		}
	}
	with = append(with, s.src[q:q+qlen]...)
	s.replace(from, end, with)
	s.advTo(end)
	mark(&s.rec.fstrings, qpos, x)
	return nil
}

// logicalEnd returns the offset of the end of the logical line that starts
// at j (its newline, or the end of the source), skipping strings, brackets
// and comments, and where its comment starts (or the same end).
func (s *scanner) logicalEnd(j int) (end, comment int) {
	depth := 0
	for j < len(s.src) {
		c := s.src[j]
		switch c {
		case '\n', '\r':
			if depth == 0 {
				return j, j
			}
		case '\\':
			j++
		case '#':
			k := j
			for k < len(s.src) && s.src[k] != '\n' && s.src[k] != '\r' {
				k++
			}
			if depth == 0 {
				return k, j
			}
			j = k
			continue
		case '(', '[', '{':
			depth++
		case ')', ']', '}':
			depth--
		case '"', '\'':
			e, _ := s.stringEnd(j)
			if e < 0 {
				return len(s.src), len(s.src)
			}
			j = e
			continue
		}
		j++
	}
	return len(s.src), len(s.src)
}

// decorator scans an @expr line: the line is blanked, and expr waits for
// its def.
func (s *scanner) decorator() error {
	from, p := s.i, s.here()
	end, comment := s.logicalEnd(s.i)
	if s.tolerant && end == len(s.src) {
		// The REPL's look-ahead: the decorator's brackets close in a line
		// not read yet. It waits for its def, as a whole one does.
		if s.decos == nil {
			s.decoPos = p
		}
		s.decos = append(s.decos, nil)
		s.advTo(end)
		return nil
	}
	s.adv() // @
	xp := s.here()
	if len(trimSpace(s.src[s.i:comment])) == 0 {
		return s.errorf(xp, "invalid syntax: a decorator needs an expression")
	}
	x, err := parseExprAt(s.filename, s.src[s.i:comment], xp, s.tolerant)
	if err != nil {
		return err
	}
	s.replace(from, end, blank(s.src[from:end]))
	s.advTo(end)
	if s.decos == nil {
		s.decoPos = p
	}
	s.decos = append(s.decos, x)
	if isCoroutineDecorator(x) {
		s.coro = true
	}
	s.start = true
	return nil
}

// isCoroutineDecorator reports whether x is asyncio.coroutine (or a name
// coroutine).
func isCoroutineDecorator(x syntax.Expr) bool {
	switch x := x.(type) {
	case *syntax.DotExpr:
		return x.Name.Name == "coroutine"
	case *syntax.Ident:
		return x.Name == "coroutine"
	}
	return false
}
