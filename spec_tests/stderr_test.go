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
	// The margin of a line inside an exception group's boxed layout: two
	// spaces a level of nesting, then "| " (or "+ " before the top-level
	// "Exception Group Traceback" header).
	groupMargin = regexp.MustCompile(`^((?:  )+[|+] )(.*)$`)
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
//   - Inside an exception group's boxed layout, a line's margin
//     ("  | ", "    | ", "  + ") is set apart and the rule above applies
//     to the rest: after "Traceback (most recent call last):" or
//     "Exception Group Traceback (most recent call last):", the indented
//     lines with the same margin go. The margins, the numbered
//     separators ("+-+---- 1 ----"), the exception lines and "and N more
//     exceptions" stay.
//   - Among them, "[Previous line repeated N more times]" stays, as
//     "[Previous line repeated N more times]" with N written N (after its
//     margin).
//   - A source position "at PATH:LINE[:COL]" becomes "at PATH:LINE".
//   - An address "at 0x..." becomes "at 0x...".
//   - A duration "took 0.123 seconds" becomes "took N seconds".
func normalizeStderr(s string) string {
	var b strings.Builder
	inFrames := false
	framesMargin := "" // the margin of the frames being dropped
	for _, line := range strings.SplitAfter(s, "\n") {
		if line == "" {
			continue
		}
		margin, text := "", strings.TrimSuffix(line, "\n")
		if m := groupMargin.FindStringSubmatch(text); m != nil {
			margin, text = m[1], m[2]
		}
		if inFrames && margin == framesMargin && strings.HasPrefix(text, " ") {
			if repeated.MatchString(text) {
				b.WriteString(margin + "  [Previous line repeated N more times]\n")
			}
			continue
		}
		inFrames = text == "Traceback (most recent call last):" ||
			margin != "" && text == "Exception Group Traceback (most recent call last):"
		framesMargin = margin
		if strings.HasSuffix(margin, "+ ") {
			framesMargin = strings.TrimSuffix(margin, "+ ") + "| "
		}
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

// TestNormalizeStderrGroup: inside an exception group's boxed layout the
// normaliser drops the frames after the margin, on both sides, and keeps
// the margins, the separators and the exception lines.
func TestNormalizeStderrGroup(t *testing.T) {
	cpython := `  + Exception Group Traceback (most recent call last):
  |   File "/tmp/eg.py", line 8, in <module>
  |     asyncio.run(main())
  | ExceptionGroup: unhandled errors in a TaskGroup (2 sub-exceptions)
  +-+---------------- 1 ----------------
    | Traceback (most recent call last):
    |   File "/tmp/eg.py", line 3, in bad
    |     raise ValueError(f"bad {n}")
    | ValueError: bad 1
    | 
    | During handling of the above exception, another exception occurred:
    | 
    | Traceback (most recent call last):
    |   File "/tmp/eg.py", line 5, in bad
    |     raise KeyError(n)
    |     ~~~~~^^^
    | KeyError: 1
    +---------------- 2 ----------------
    | Exception Group Traceback (most recent call last):
    |   File "/tmp/eg.py", line 9, in inner
    |     raise ExceptionGroup("inner", [e])
    | ExceptionGroup: inner (1 sub-exception)
    +-+---------------- 1 ----------------
      | ValueError: 2
      +------------------------------------
`
	asyncrun := `  + Exception Group Traceback (most recent call last):
  |   eg.star:8:12: in <toplevel>
  |   in task Task-1 (main() created at eg.star:8:12):
  |   eg.star:6:16: in main
  | ExceptionGroup: unhandled errors in a TaskGroup (2 sub-exceptions)
  +-+---------------- 1 ----------------
    | Traceback (most recent call last):
    |   in task Task-2 (bad() created at eg.star:4:64):
    |   eg.star:2:11: in bad
    | ValueError: bad 1
    | 
    | During handling of the above exception, another exception occurred:
    | 
    | Traceback (most recent call last):
    |   eg.star:3:11: in bad
    | KeyError: 1
    +---------------- 2 ----------------
    | Exception Group Traceback (most recent call last):
    |   eg.star:9:11: in inner
    | ExceptionGroup: inner (1 sub-exception)
    +-+---------------- 1 ----------------
      | ValueError: 2
      +------------------------------------
`
	want := `  + Exception Group Traceback (most recent call last):
  | ExceptionGroup: unhandled errors in a TaskGroup (2 sub-exceptions)
  +-+---------------- 1 ----------------
    | Traceback (most recent call last):
    | ValueError: bad 1
    | 
    | During handling of the above exception, another exception occurred:
    | 
    | Traceback (most recent call last):
    | KeyError: 1
    +---------------- 2 ----------------
    | Exception Group Traceback (most recent call last):
    | ExceptionGroup: inner (1 sub-exception)
    +-+---------------- 1 ----------------
      | ValueError: 2
      +------------------------------------
`
	for name, in := range map[string]string{"CPython": cpython, "asyncrun": asyncrun} {
		if got := normalizeStderr(in); got != want {
			t.Errorf("%s's stderr normalised:\n%s\nwant:\n%s", name, got, want)
		}
	}
}
