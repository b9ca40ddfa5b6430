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
// them, so that `@d` then `def f():` is one statement. The lines read are
// then parsed as a whole by Parse.
func ParseCompoundStmt(opts *syntax.FileOptions, filename string, readline func() ([]byte, error)) (*syntax.File, error) {
	var raw []byte
	var readErr error
	lines := 0 // the lines of raw given to the parser or skipped
	wrapped := func() ([]byte, error) {
		for {
			line, err := readline()
			if err != nil {
				readErr = err
				return line, err
			}
			raw = append(raw, line...)
			sc := newScanner(filename, raw, false)
			sc.tolerant = true
			text, serr := sc.run()
			if serr != nil {
				text = raw
			}
			newest := lineAfter(text, lines)
			lines = bytes.Count(raw, []byte("\n"))
			if serr != nil || sc.decos == nil {
				return newest, nil
			}
		}
	}
	if _, err := opts.ParseCompoundStmt(filename, wrapped); err != nil && readErr != nil {
		return nil, err
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
