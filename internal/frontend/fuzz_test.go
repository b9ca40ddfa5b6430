package frontend_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/asyncrun/asyncrun/internal/frontend"
)

// FuzzCompile feeds arbitrary source to the front end: it may fail, with a
// syntax or resolve error, but not panic. Seeds: the programs written in
// Python and the bad input of interp's tests.
func FuzzCompile(f *testing.F) {
	for _, pattern := range []string{"../../spec_tests/testdata/syntax/*.star", "../../spec_tests/testdata/seed/*.star", "../../interp/testdata/syntax/*.star"} {
		files, _ := filepath.Glob(pattern)
		for _, name := range files {
			src, err := os.ReadFile(name)
			if err != nil {
				f.Fatal(err)
			}
			for _, chunk := range strings.Split(string(src), "\n---\n") {
				f.Add(chunk)
			}
		}
	}
	f.Fuzz(func(t *testing.T, src string) {
		frontend.Compile(fileOptions(), "fuzz.star", []byte(src), predeclared)
	})
}
