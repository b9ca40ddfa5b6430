package modules

import (
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
)

// TestFileMap holds the map of files in doc.go true: every Go file of the
// package is in it, and every file it names exists.
func TestFileMap(t *testing.T) {
	doc, err := os.ReadFile("doc.go")
	if err != nil {
		t.Fatal(err)
	}
	mapped := map[string]bool{}
	for _, m := range regexp.MustCompile(`(?m)^//\t(\w+\.go) `).FindAllStringSubmatch(string(doc), -1) {
		mapped[m[1]] = true
	}
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		if !mapped[f] {
			t.Errorf("%s is not in doc.go's map of files", f)
		}
		delete(mapped, f)
	}
	for f := range mapped {
		t.Errorf("doc.go's map names %s, which does not exist", f)
	}
}
