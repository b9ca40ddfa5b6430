package spec_tests

import (
	"regexp"
	"strings"
	"testing"
)

// What of a program's stderr cannot be the same in asyncrun and CPython,
// and what normalizeStderr writes instead.
var (
	// "at PATH:LINE" (and asyncrun's PATH:LINE:COL) in a task's, a
	// coroutine's or a handle's repr: "defined at", "running at",
	// "created at", "<Handle f() at PATH:LINE>".
	sourcePos = regexp.MustCompile(`\bat (?:[A-Za-z]:)?[^\s:<>()]+:\d+(:\d+)?`)
	// An object's address: "at 0x7f...".
	address = regexp.MustCompile(`\bat 0x[0-9a-fA-F]+`)
	// A duration measured in real time: "took 0.123 seconds".
	took = regexp.MustCompile(`\btook \d+(\.\d+)? seconds`)
	// The frames CPython collapses; their count depends on the depth
	// limit (1000 frames in CPython).
	repeated = regexp.MustCompile(`^ *\[Previous line repeated \d+ more times?\]$`)
)

// normalizeStderr removes from a program's stderr what cannot be the same
// in CPython's twin and in asyncrun, and keeps the rest verbatim; the
// golden file DIR/NAME.err is CPython's stderr through it, and asyncrun's
// stderr through it must equal that. Its rules:
//
//   - A traceback's frames go: after a "Traceback (most recent call
//     last):" line, every indented line up to the next line that is not
//     indented (CPython's `  File "...", line N, in f`, the source line
//     and the ~~~^^^ markers under it; asyncrun's `  PATH:LINE:COL: in f`
//     and `  in task ...:` lines). The header, the exception line and the
//     sentences that link a chain stay.
//   - Among them, "[Previous line repeated N more times]" stays, as
//     "[Previous line repeated N more times]" with N written N.
//   - A source position "at PATH:LINE[:COL]" becomes "at PATH:LINE".
//   - An address "at 0x..." becomes "at 0x...".
//   - A duration "took 0.123 seconds" becomes "took N seconds".
func normalizeStderr(s string) string {
	var b strings.Builder
	inFrames := false
	for _, line := range strings.SplitAfter(s, "\n") {
		if line == "" {
			continue
		}
		text := strings.TrimSuffix(line, "\n")
		if inFrames && strings.HasPrefix(text, " ") {
			if repeated.MatchString(text) {
				b.WriteString("  [Previous line repeated N more times]\n")
			}
			continue
		}
		inFrames = text == "Traceback (most recent call last):"
		line = sourcePos.ReplaceAllString(line, "at PATH:LINE")
		line = address.ReplaceAllString(line, "at 0x...")
		line = took.ReplaceAllString(line, "took N seconds")
		b.WriteString(line)
	}
	return b.String()
}

// TestNormalizeStderr: the normaliser makes CPython's and asyncrun's
// report of the same uncaught exception the same text, and keeps what
// they must agree on.
func TestNormalizeStderr(t *testing.T) {
	cpython := `Task exception was never retrieved
future: <Task finished name='Task-2' coro=<f() done, defined at /tmp/x/never.py:3> exception=ValueError('lost')>
Traceback (most recent call last):
  File "/tmp/x/never.py", line 4, in f
    raise ValueError("lost")
    ~~~~~^^^
ValueError: lost
Traceback (most recent call last):
  File "/tmp/x/rec.py", line 2, in down
    return down(n + 1)
           ^^^^^^^^^^^
  [Previous line repeated 996 more times]
RecursionError: maximum recursion depth exceeded

During handling of the above exception, another exception occurred:

Executing <Handle spin() at /tmp/x/slow.py:1> took 0.153 seconds
<object at 0x7f3a2b1c>
`
	asyncrun := `Task exception was never retrieved
future: <Task finished name='Task-2' coro=<f() done, defined at never.star:3> exception=ValueError('lost')>
Traceback (most recent call last):
  in task Task-2 (f() created at never.star:7:30):
  never.star:4:11: in f
ValueError: lost
Traceback (most recent call last):
  rec.star:2:16: in down
  [Previous line repeated 99996 more times]
  rec.star:2:12: in down
RecursionError: maximum recursion depth exceeded

During handling of the above exception, another exception occurred:

Executing <Handle spin() at slow.star:1> took 0.101 seconds
<object at 0xc000123456>
`
	want := `Task exception was never retrieved
future: <Task finished name='Task-2' coro=<f() done, defined at PATH:LINE> exception=ValueError('lost')>
Traceback (most recent call last):
ValueError: lost
Traceback (most recent call last):
  [Previous line repeated N more times]
RecursionError: maximum recursion depth exceeded

During handling of the above exception, another exception occurred:

Executing <Handle spin() at PATH:LINE> took N seconds
<object at 0x...>
`
	for name, in := range map[string]string{"CPython": cpython, "asyncrun": asyncrun} {
		if got := normalizeStderr(in); got != want {
			t.Errorf("%s's stderr normalised:\n%s\nwant:\n%s", name, got, want)
		}
	}
}
