package frontend

import (
	"bytes"

	"go.starlark.net/syntax"
)

// ParseCompoundStmt parses one statement of a prompt, as
// syntax.FileOptions.ParseCompoundStmt does: it reads lines with readline
// until they make a statement (a compound statement ends with a blank
// line). go.starlark.net's parser decides where the statement ends, reading
// the lines rewritten; decorator lines are read with the line that follows
// them, so that `@d` then `def f():` is one statement. The lines of the
// statement are then parsed as a whole by Parse. As with
// syntax.ParseCompoundStmt, a line read only to see that a block has ended
// is not part of the statement.
func ParseCompoundStmt(opts *syntax.FileOptions, filename string, readline func() ([]byte, error)) (*syntax.File, error) {
	var raw []byte
	var readErr error
	var fed []int // for each line given to the parser, the line of raw it is
	wrapped := func() ([]byte, error) {
		for {
			line, err := readline()
			if err != nil {
				readErr = err
				return line, err
			}
			before := bytes.Count(raw, []byte("\n"))
			raw = append(raw, line...)
			sc := newScanner(filename, raw, false)
			sc.tolerant = true
			text, serr := sc.run()
			if serr != nil {
				text = raw
			}
			if serr != nil || sc.decos == nil {
				fed = append(fed, before+1)
				return lineAfter(text, before), nil
			}
		}
	}
	f, err := opts.ParseCompoundStmt(filename, wrapped)
	if err != nil && readErr != nil {
		return nil, err
	}
	if err == nil && len(f.Stmts) > 0 {
		// Leave out a line read past the statement.
		end := 0
		for _, st := range f.Stmts {
			if _, e := st.Span(); int(e.Line) > end {
				end = int(e.Line)
			}
		}
		if end >= 1 && end <= len(fed) {
			raw = firstLines(raw, fed[end-1])
		}
	}
	return Parse(opts, filename, raw)
}

// lineAfter returns text after its first n line ends.
func lineAfter(text []byte, n int) []byte {
	for ; n > 0; n-- {
		i := bytes.IndexByte(text, '\n')
		if i < 0 {
			return nil
		}
		text = text[i+1:]
	}
	return text
}

// firstLines returns the first n lines of text.
func firstLines(text []byte, n int) []byte {
	k := 0
	for i, c := range text {
		if c == '\n' {
			if k++; k == n {
				return text[:i+1]
			}
		}
	}
	return text
}
