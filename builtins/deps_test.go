package builtins

import (
	"go/build"
	"strings"
	"testing"
)

// TestDeps holds the layering rule: builtins imports loop and go.starlark.net
// (and the standard library), never interp, repl or cmd.
func TestDeps(t *testing.T) {
	pkg, err := build.ImportDir(".", 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, imp := range pkg.Imports {
		ok := !strings.Contains(imp, ".") || strings.HasPrefix(imp, "go.starlark.net/") ||
			imp == "github.com/asyncrun/asyncrun/loop"
		if !ok {
			t.Errorf("builtins imports %s; it may import loop, go.starlark.net and the standard library only", imp)
		}
	}
}
