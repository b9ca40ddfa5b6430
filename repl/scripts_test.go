package repl_test

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/asyncrun/asyncrun/interp"
	"github.com/asyncrun/asyncrun/repl"
)

// pasteable turns a script into what a user pastes at the prompt: the same
// lines, with a blank line after each indented block. A line that an open
// bracket or triple-quoted string continues is kept as it is.
func pasteable(src string) string {
	var b strings.Builder
	inBlock, indented := false, false
	open, quote := 0, "" // what the lines so far leave open
	for _, line := range strings.Split(src, "\n") {
		if open == 0 && quote == "" {
			if t := strings.TrimSpace(line); t == "" || strings.HasPrefix(t, "#") {
				continue
			}
			indented = strings.HasPrefix(line, " ")
			if inBlock && !indented {
				b.WriteString("\n")
			}
		} else if quote == "" && strings.TrimSpace(line) == "" {
			continue
		}
		b.WriteString(line + "\n")
		open, quote = scanOpen(line, open, quote)
		if open == 0 && quote == "" {
			inBlock = indented || strings.HasSuffix(line, ":")
		}
	}
	return b.String() + "\n"
}

// scanOpen returns the brackets and the triple-quoted string that are
// still open after line, given those open before it.
func scanOpen(line string, open int, quote string) (int, string) {
	for i := 0; i < len(line); i++ {
		rest := line[i:]
		switch {
		case quote != "" && rest[0] == '\\':
			i++
		case quote != "":
			if strings.HasPrefix(rest, quote) {
				i += len(quote) - 1
				quote = ""
			}
		case rest[0] == '#':
			return open, quote
		case strings.HasPrefix(rest, `"""`) || strings.HasPrefix(rest, "'''"):
			quote = rest[:3]
			i += 2
		case rest[0] == '"' || rest[0] == '\'':
			quote = rest[:1]
		case strings.ContainsRune("([{", rune(rest[0])):
			open++
		case strings.ContainsRune(")]}", rune(rest[0])):
			open--
		}
	}
	if len(quote) == 1 { // a one-quote string ends with its line
		quote = ""
	}
	return open, quote
}

// TestScriptsPastedIntoREPL: every script of scripts/ with a CPython twin,
// pasted into the REPL, prints what asyncrun (and CPython) print for it.
func TestScriptsPastedIntoREPL(t *testing.T) {
	outs, _ := filepath.Glob("../spec_tests/testdata/scripts/*.out")
	if len(outs) == 0 {
		t.Fatal("no scripts")
	}
	for _, out := range outs {
		name := strings.TrimSuffix(filepath.Base(out), ".out")
		t.Run(name, func(t *testing.T) {
			src, err := os.ReadFile(filepath.Join("..", "scripts", name+".star"))
			if err != nil {
				t.Fatal(err)
			}
			want, _ := os.ReadFile(out)
			opts := interp.Options{VirtualTime: true}
			if ioScripts[name] {
				opts.AllowNet, opts.AllowRun = []string{"127.0.0.1"}, []string{}
			}
			got := runPipedWith(t, opts, pasteable(string(src)))
			// The REPL also echoes the value of each expression statement
			// (a task, a handle, a result), as Python's does: the script's
			// own lines must come in order, and any other line must be
			// such an echo.
			var extra []string
			wantLines := strings.Split(strings.TrimSuffix(string(want), "\n"), "\n")
			i := 0
			for _, line := range got {
				if i < len(wantLines) && line == wantLines[i] {
					i++
					continue
				}
				extra = append(extra, line)
			}
			echo := func(l string) bool { return strings.IndexAny(l[:1], "<('\"[0123456789") == 0 }
			for _, l := range extra {
				if !echo(l) {
					i = -1
				}
			}
			if i != len(wantLines) {
				t.Errorf("pasted into the REPL, %s printed\n%s\nwant\n%s\ninput was\n%s", name, strings.Join(got, "\n"), want, pasteable(string(src)))
			}
		})
	}
}

// ioScripts are the scripts that reach the network or run programs: the
// REPL is granted what they need.
var ioScripts = map[string]bool{"tcp_echo": true, "parallel_commands": true, "port_probe": true}

// runPiped feeds input to a REPL session under virtual time and returns
// the lines it printed, without prompts, banner and blank lines.
func runPiped(t *testing.T, input string) []string {
	t.Helper()
	return runPipedWith(t, interp.Options{VirtualTime: true}, input)
}

// runPipedWith is runPiped with the interpreter's options.
func runPipedWith(t *testing.T, opts interp.Options, input string) []string {
	t.Helper()
	var stdout bytes.Buffer
	status := repl.Run(repl.Config{
		Options:     opts,
		Stdin:       io.NopCloser(strings.NewReader(input)),
		Stdout:      &stdout,
		Stderr:      &stdout,
		HistoryFile: "-",
		Interrupts:  make(chan os.Signal),
	})
	if status != 0 {
		t.Errorf("status %d", status)
	}
	var got []string
	for _, line := range strings.Split(stdout.String(), "\n") {
		for {
			trimmed := strings.TrimPrefix(strings.TrimPrefix(line, ">>> "), "... ")
			if trimmed == line {
				break
			}
			line = trimmed
		}
		if line == "" || strings.HasPrefix(line, "asyncrun ") || strings.HasPrefix(line, "await works here") {
			continue
		}
		got = append(got, line)
	}
	return got
}

// TestLiveGlobals: as in Python, a function may name a global defined at a
// later prompt, and sees a global's latest value, even one assigned later in
// the same chunk.
func TestLiveGlobals(t *testing.T) {
	got := runPiped(t, `def show(): print(x, limit)

x = 1
limit = 10
show()
x = 2
show()
for i in range(2):
    x = i * 100
    show()

f = lambda: [x + j for j in range(2)]
f()
def typo(): return undefined_name

typo()
`)
	want := []string{"1 10", "2 10", "0 10", "100 10", "[100, 101]", "Traceback (most recent call last):"}
	if len(got) < len(want) || strings.Join(got[:len(want)], "\n") != strings.Join(want, "\n") {
		t.Fatalf("got\n%s\nwant first\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if last := got[len(got)-1]; last != "Exception: undefined: undefined_name" {
		t.Errorf("a missing global gives %q", last)
	}
}
