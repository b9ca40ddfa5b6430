package repl_test

import (
	"strings"
	"testing"
)

// TestGroupTraceback: a prompt whose TaskGroup fails prints the group in
// CPython's boxed layout (as the CLI and interp.Error.Traceback do: one
// implementation), each task's error behind the margin, and the session
// goes on.
func TestGroupTraceback(t *testing.T) {
	got := runPiped(t, `async def bad(n): raise_(ValueError("bad %d" % n))

await with_(asyncio.TaskGroup(), lambda tg: [tg.create_task(bad(1)), tg.create_task(bad(2))])
print("still here")
`)
	text := "\n" + strings.Join(got, "\n") + "\n"
	for _, want := range []string{
		"  + Exception Group Traceback (most recent call last):",
		"  | ExceptionGroup: unhandled errors in a TaskGroup (2 sub-exceptions)",
		"  +-+---------------- 1 ----------------",
		"    | ValueError: bad 1",
		"    +---------------- 2 ----------------",
		"    | ValueError: bad 2",
		"    +------------------------------------",
		"still here",
	} {
		if !strings.Contains(text, "\n"+want+"\n") {
			t.Errorf("the REPL printed\n%s\nwithout the line %q", text, want)
		}
	}
}
