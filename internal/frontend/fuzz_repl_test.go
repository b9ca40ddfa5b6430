package frontend_test

import (
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/asyncrun/asyncrun/internal/frontend"
)

// FuzzParseCompoundStmt types arbitrary source at the prompt, a line at a
// time, as the REPL does: each statement may fail, but the look-ahead
// (tolerant scanning, decorators and strings left open) does not panic
// and always ends. Seeds: the programs written in Python.
func FuzzParseCompoundStmt(f *testing.F) {
	files, _ := filepath.Glob("../../spec_tests/testdata/syntax/*.star")
	for _, name := range files {
		src, err := os.ReadFile(name)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(string(src))
	}
	f.Fuzz(func(t *testing.T, src string) {
		lines := strings.SplitAfter(src, "\n")
		readline := func() ([]byte, error) {
			if len(lines) == 0 {
				return nil, io.EOF
			}
			line := lines[0]
			lines = lines[1:]
			return []byte(line), nil
		}
		for n := 0; len(lines) > 0; n++ {
			if n > len(src)+1 {
				t.Fatal("the prompt reads no line and does not end")
			}
			frontend.ParseCompoundStmt(fileOptions(), "<stdin>", readline)
		}
	})
}
