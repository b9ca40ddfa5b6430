package interp_test

import (
	"bytes"
	"context"
	"log"
	"strings"
	"testing"

	"github.com/asyncrun/asyncrun/interp"
	"go.starlark.net/starlark"
	"go.starlark.net/starlarkstruct"
)

// TestHostPanics: a panic in a host builtin (given directly or inside a
// module) or in a host async function becomes an exception the script
// catches, whose text holds no Go file path; the Go stack goes to the
// host's logger, and the interpreter goes on.
func TestHostPanics(t *testing.T) {
	boom := starlark.NewBuiltin("boom", func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error) {
		var m map[string]int
		m["x"] = 1 // a real bug: assignment to a nil map
		return starlark.None, nil
	})
	aboom := interp.AsyncFunc("aboom", func(context.Context, starlark.Tuple, []starlark.Tuple) (starlark.Value, error) {
		panic("async oops")
	})
	mod := &starlarkstruct.Module{Name: "lib", Members: starlark.StringDict{"boom": boom}}
	var out, logged bytes.Buffer
	it := interp.New(interp.Options{
		Stdout: &out, Logger: log.New(&logged, "", 0),
		Predeclared: starlark.StringDict{"boom": boom, "aboom": aboom, "lib": mod},
	})
	defer it.Close()
	_, err := it.ExecFile(context.Background(), "p.star", `
def show(e):
    print(type(e).__name__, str(e))
try_(lambda: boom(), except_=show)
try_(lambda: lib.boom(), except_=show)
def main():
    try_(lambda: await_(aboom()), except_=show)
    try_(lambda: boom(), except_=show)
    return "still running"
print(asyncio.run(asyncio.coroutine(main)()))
`)
	if err != nil {
		t.Fatal(err)
	}
	want := `RuntimeError boom: host function panicked: assignment to entry in nil map
RuntimeError boom: host function panicked: assignment to entry in nil map
RuntimeError aboom: host function panicked: async oops
RuntimeError boom: host function panicked: assignment to entry in nil map
still running
`
	if out.String() != want {
		t.Errorf("script printed\n%s\nwant\n%s", out.String(), want)
	}
	if strings.Contains(out.String(), ".go:") {
		t.Errorf("a Go file path reached the script:\n%s", out.String())
	}
	if n := strings.Count(logged.String(), "asyncrun: "); n != 4 || !strings.Contains(logged.String(), "panic_test.go:") {
		t.Errorf("the logger got %d reports, want 4 with the Go stack:\n%s", n, logged.String())
	}
}

// TestUncaughtHostPanic: a host panic nobody catches ends the run with a
// one-line error naming the exception, not with a Go panic.
func TestUncaughtHostPanic(t *testing.T) {
	boom := interp.Func("boom", func(*starlark.Thread, starlark.Tuple, []starlark.Tuple) (starlark.Value, error) {
		panic("oops")
	})
	it := interp.New(interp.Options{Predeclared: starlark.StringDict{"boom": boom}})
	defer it.Close()
	_, err := it.ExecFile(context.Background(), "p.star", "boom()\n")
	if got, want := err.Error(), "RuntimeError: boom: host function panicked: oops"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}
