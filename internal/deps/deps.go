// Package deps checks the import rules of asyncrun's packages, in the style
// of go.starlark.net's TestDeps: each package's deps_test.go states what it
// may import, once, and Check fails the test for any other import.
//
// internal/pyfmt (Python's format specs and reprs) imports only
// go.starlark.net, so builtins, interp and the f-string front end all use it.
//
// pyexc (the kinds of Python exception) imports nothing, so loop
// and aio, which know nothing of Starlark, name kinds from the same table
// as the Starlark face. internal/builtins and its parts beside it
// (internal/builtins/locks, streams, modules, tasks) are imported by interp alone.
package deps

import (
	"go/build"
	"strings"
	"testing"
)

// Check fails t if the package in the current folder imports anything but
// the standard library and the allowed paths. An allowed path ending in
// "/" allows every package under it.
func Check(t testing.TB, allowed ...string) {
	t.Helper()
	pkg, err := build.ImportDir(".", 0)
	if err != nil {
		t.Fatal(err)
	}
	for _, imp := range pkg.Imports {
		if !isAllowed(imp, allowed) {
			t.Errorf("%s imports %s; it may import only the standard library %s", pkg.ImportPath, imp, strings.Join(append([]string{""}, allowed...), ", "))
		}
	}
}

func isAllowed(imp string, allowed []string) bool {
	if !strings.Contains(strings.SplitN(imp, "/", 2)[0], ".") {
		return true // the standard library
	}
	for _, a := range allowed {
		if imp == a || strings.HasSuffix(a, "/") && strings.HasPrefix(imp, a) {
			return true
		}
	}
	return false
}
