package builtins

import (
	"strings"
	"testing"
)

// TestScriptExceptionTypeTraceback: an uncaught exception of a type the
// script made with type(name, bases, {}), also out of a task of a
// TaskGroup, gives a traceback with its frames. Its last line, the type
// named as CPython names a class of __main__, is checked against CPython
// by the spec programs stderr/uncaught_script_type and
// stderr/uncaught_script_type_group (their .err); here, that it names the
// type the script made.
func TestScriptExceptionTypeTraceback(t *testing.T) {
	for _, src := range []string{
		`TransientError = type("TransientError", (ConnectionError,), {})
def f():
    raise_(TransientError("reset by peer"))
f()
`,
		`TransientError = type("TransientError", (ConnectionError,), {})
def fetch():
    raise_(TransientError("reset by peer"))
fetch = asyncio.coroutine(fetch)
def main():
    with_(asyncio.TaskGroup(), lambda tg: tg.create_task(fetch()))
main = asyncio.coroutine(main)
try_(lambda: asyncio.run(main()), except_={ExceptionGroup: lambda eg: raise_(eg.exceptions[0])})
`,
	} {
		_, err := runScript(t, src)
		if err == nil {
			t.Fatal("the script did not fail")
		}
		tb := FormatError(err)
		lines := strings.Split(strings.TrimSpace(tb), "\n")
		if got := lines[len(lines)-1]; !strings.HasPrefix(got, "TransientError") {
			t.Errorf("traceback ends %q, want the type the script made:\n%s", got, tb)
		}
		if !strings.HasPrefix(tb, "Traceback (most recent call last):\n") || !strings.Contains(tb, "in fetch") && !strings.Contains(tb, "in f\n") {
			t.Errorf("traceback lacks its frames:\n%s", tb)
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
