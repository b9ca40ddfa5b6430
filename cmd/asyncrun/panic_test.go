package main

import (
	"strings"
	"testing"

	"github.com/asyncrun/asyncrun/interp"
	"go.starlark.net/starlark"
)

// TestHostPanic: a host function that panics, uncaught, ends the run with
// status 1 and the script's traceback; the Go stack goes to the logger
// (stderr for the CLI), after a line naming the panic.
func TestHostPanic(t *testing.T) {
	boom := starlark.NewBuiltin("boom", func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error) {
		panic("oops")
	})
	var stdout, stderr strings.Builder
	status := runWith([]string{"-c", "print('before')\nboom()\n"}, strings.NewReader(""), &stdout, &stderr, func(o *interp.Options) {
		o.Predeclared = starlark.StringDict{"boom": boom}
	})
	if status != 1 {
		t.Errorf("status: got %d, want 1", status)
	}
	if stdout.String() != "before\n" {
		t.Errorf("stdout: got %q", stdout.String())
	}
	for _, want := range []string{
		"asyncrun: boom: host function panicked: oops\ngoroutine ",
		"Traceback (most recent call last):\n  <string>:2:5: in <toplevel>\nRuntimeError: boom: host function panicked: oops\n",
	} {
		if !strings.Contains(stderr.String(), want) {
			t.Errorf("stderr lacks %q:\n%s", want, stderr.String())
		}
	}
}
