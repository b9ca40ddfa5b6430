package loop

import (
	"go/build"
	"strings"
	"testing"
)

// TestDeps holds the layering rule: loop imports the standard library only,
// and in particular nothing of Starlark.
func TestDeps(t *testing.T) {
	pkg, err := build.ImportDir(".", 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, imp := range pkg.Imports {
		if strings.Contains(imp, ".") {
			t.Errorf("loop imports %s; it may use the standard library only", imp)
		}
	}
}
