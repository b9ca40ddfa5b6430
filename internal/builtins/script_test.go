package builtins

import (
	"bytes"
	"strings"
	"testing"

	"github.com/asyncrun/asyncrun/loop"
	"go.starlark.net/starlark"
	"go.starlark.net/syntax"
)

// TestParts are the parts beside the core that runScript's runtimes have:
// parts_test.go (package builtins_test, which may import them) sets them,
// so that the core's tests can use asyncio.TaskGroup and the others.
var TestParts []Part

// runScript runs src as a script under virtual time and returns what it
// printed and the error that ended it, if any.
func runScript(t *testing.T, src string) (string, error) {
	t.Helper()
	var out bytes.Buffer
	rt := NewRuntime(Config{Parts: TestParts, Stdout: &out, Stderr: &out, Clock: loop.NewClock(true)})
	err := execFile(rt, "x.star", src)
	rt.Close()
	return out.String(), err
}

// execFile runs src as the file name at the top level of rt, with the
// dialect's options.
func execFile(rt *Runtime, name, src string) error {
	opts := &syntax.FileOptions{While: true, TopLevelControl: true, GlobalReassign: true, Recursion: true, Set: true}
	return rt.ExecTopLevel("main", func(th *starlark.Thread) error {
		_, err := starlark.ExecFileOptions(opts, th, name, src, rt.Predeclared())
		return err
	})
}

// checkScript runs src and compares what it printed, then "error: ..." for
// the error that ended it, with want, line by line. want is asyncrun's own
// output: what CPython prints for a program is checked by a twin in
// spec_tests, not pasted here.
func checkScript(t *testing.T, src, want string) {
	t.Helper()
	got, err := runScript(t, src)
	if err != nil {
		got += "error: " + err.Error() + "\n"
	}
	if got == want {
		return
	}
	gl, wl := strings.Split(got, "\n"), strings.Split(want, "\n")
	for i := range max(len(gl), len(wl)) {
		var g, w string
		if i < len(gl) {
			g = gl[i]
		}
		if i < len(wl) {
			w = wl[i]
		}
		if g != w {
			t.Errorf("line %d: got %q, want %q\ngot:\n%s\nwant:\n%s", i+1, g, w, got, want)
			return
		}
	}
}
