package main

import (
	"io"
	"strings"
	"testing"
	"time"

	"go.starlark.net/starlark"

	"github.com/asyncrun/asyncrun/interp"
)

// TestInProcessRunNotAbandoned: a run inside another process (here the
// test's own) that outlives its -timeout by more than the grace period,
// as a loaded machine may make it, is not abandoned: abandoning ends the
// process, which only the CLI as a process of its own may do. The run
// returns status 124 once it ends. (Before, the test binary itself exited
// with status 124: the CI failure of the in-process -timeout scripts.)
func TestInProcessRunNotAbandoned(t *testing.T) {
	release := make(chan struct{})
	wedge := starlark.NewBuiltin("wedge", func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error) {
		<-release // a host call that ignores the stop, like a slow machine
		return starlark.None, nil
	})
	// The host call returns well after the timeout and its grace period.
	time.AfterFunc(10*time.Millisecond+exitGrace+500*time.Millisecond, func() { close(release) })
	var stderr strings.Builder
	status := runWith([]string{"-timeout", "10ms", "-c", "wedge()\n"}, strings.NewReader(""), io.Discard, &stderr, func(o *interp.Options) {
		o.Predeclared = starlark.StringDict{"wedge": wedge}
	})
	if status != 124 {
		t.Errorf("status %d, want 124; stderr:\n%s", status, stderr.String())
	}
	if strings.Contains(stderr.String(), "killing its child processes") {
		t.Errorf("an in-process run was abandoned; stderr:\n%s", stderr.String())
	}
}
