package builtins

import (
	"strings"
	"testing"
)

// TestScriptExceptionTypeTraceback: an uncaught exception of a type the
// script made with type(name, bases, {}), also out of a task of a
// TaskGroup (inside the group's box), gives a traceback with its frames.
// Its exception line, the type named as CPython names a class of
// __main__, is checked against CPython by the spec programs
// stderr/uncaught_script_type and stderr/uncaught_script_type_group
// (their .err); here, that it names the type the script made.
func TestScriptExceptionTypeTraceback(t *testing.T) {
	for _, tc := range []struct{ src, header, line, frame string }{
		{`TransientError = type("TransientError", (ConnectionError,), {})
def f():
    raise_(TransientError("reset by peer"))
f()
`, "Traceback (most recent call last):\n", "TransientError: reset by peer", "  x.star:3:11: in f\n"},
		{`TransientError = type("TransientError", (ConnectionError,), {})
def fetch():
    raise_(TransientError("reset by peer"))
fetch = asyncio.coroutine(fetch)
def main():
    with_(asyncio.TaskGroup(), lambda tg: tg.create_task(fetch()))
main = asyncio.coroutine(main)
asyncio.run(main())
`, "  + Exception Group Traceback (most recent call last):\n", "    | TransientError: reset by peer", "    |   x.star:3:11: in fetch\n"},
	} {
		_, err := runScript(t, tc.src)
		if err == nil {
			t.Fatal("the script did not fail")
		}
		tb := FormatError(err)
		if !strings.HasPrefix(tb, tc.header) || !strings.Contains(tb, tc.frame) || !strings.Contains(tb, "\n"+tc.line+"\n") {
			t.Errorf("traceback:\n%s\nwant it to start %q, with the frame %q and the line %q", tb, tc.header, tc.frame, tc.line)
		}
	}
}

// TestTypeThreeArgumentsBadInput pins the errors of type(name, bases,
// dict) for what it cannot make: only exception types, with no attributes
// (asyncrun's own messages; those CPython gives too are checked against
// CPython by the spec program exceptions/type_arguments).
func TestTypeThreeArgumentsBadInput(t *testing.T) {
	for _, tc := range []struct{ src, want string }{
		{`type("P", (), {})`, "TypeError: type(): asyncrun makes exception types only: give one exception type as base, as type('P', (Exception,), {})"},
		{`type("P", (int,), {})`, "TypeError: type(): asyncrun makes exception types only: each base must be an exception type, not builtin_function_or_method (use struct for records)"},
		{`type("P", (ValueError,), {"x": 1})`, "TypeError: type(): a new exception type takes no attributes here: pass {} (asyncrun's types hold no methods or attributes)"},
	} {
		_, err := runScript(t, tc.src+"\n")
		if err == nil {
			t.Errorf("%s: no error", tc.src)
			continue
		}
		if got := err.Error(); !strings.Contains(got, tc.want) {
			t.Errorf("%s: got %q, want %q", tc.src, got, tc.want)
		}
	}
}
