package repl_test

import (
	"bytes"
	"context"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/asyncrun/asyncrun/internal/twin"
	"github.com/asyncrun/asyncrun/repl"
)

// TestPythonSyntaxAtPrompt: multi-line async def blocks, decorators and
// top-level await typed at a terminal, with the continuation prompt where
// `python -m asyncio` shows it. What the lines print is checked against
// CPython's console by TestPromptTwin (testdata/prompt.txt).
func TestPythonSyntaxAtPrompt(t *testing.T) {
	tm := start(t, repl.Config{})
	tm.send("import asyncio\r")
	tm.send("from asyncio import sleep\r")
	tm.send("async def double(x):\r")
	tm.expect("... ")
	tm.send("    await sleep(0.01)\r    return x * 2\r\r")
	tm.send("await double(21)\r")
	tm.expect("42")
	tm.send("def shout(f):\r    print('decorating')\r    return f\r\r")
	tm.send("@shout\r")
	tm.expect("... ")
	tm.send("async def hi(name):\r")
	tm.send("    return f'hi {name!r:>8}'\r\r")
	tm.expect("decorating")
	tm.send("await hi('ada')\r")
	tm.expect(`"hi    'ada'"`)
	tm.send("r = await asyncio.gather(*[double(i) for i in range(3)], return_exceptions=True)\r")
	tm.send("r is not None, r\r")
	tm.expect("(True, [0, 2, 4])")
	tm.exit()
}

// TestPythonProgramsPastedIntoREPL: the programs written in Python
// (spec_tests/testdata/syntax), pasted into the REPL, print what CPython
// prints for them.
func TestPythonProgramsPastedIntoREPL(t *testing.T) {
	outs, _ := filepath.Glob("../spec_tests/testdata/syntax/*.out")
	if len(outs) < 25 {
		t.Fatalf("%d programs, want at least 25", len(outs))
	}
	for _, out := range outs {
		name := strings.TrimSuffix(filepath.Base(out), ".out")
		t.Run(name, func(t *testing.T) {
			switch name {
			case "run_until_complete":
				t.Skip("runs a loop of its own, which the prompt's running loop forbids (as in python -m asyncio)")
			}
			src, err := os.ReadFile(strings.TrimSuffix(out, ".out") + ".py")
			if err != nil {
				t.Fatal(err)
			}
			want, _ := os.ReadFile(out)
			got := runPiped(t, pasteable(string(src)))
			var kept []string
			for _, l := range got {
				if !strings.HasPrefix(l, "<") { // the echo of a task or handle
					kept = append(kept, l)
				}
			}
			if g, w := strings.Join(kept, "\n"), strings.TrimSuffix(string(want), "\n"); g != w {
				t.Errorf("pasted into the REPL, %s printed\n%s\nwant\n%s", name, g, w)
			}
		})
	}
}

var update = flag.Bool("update", false, "rewrite testdata/prompt.out from CPython's asyncio console (python3 -m asyncio)")

// TestPromptTwin: the lines of testdata/prompt.txt typed at the prompt
// (async def, decorators, top-level await) print what CPython's asyncio
// console prints for them, the golden file testdata/prompt.out, prompts
// left out. When python3 is on the PATH, python3 -m asyncio is given the
// same lines and must still print the golden file; -update rewrites it
// from CPython's output.
func TestPromptTwin(t *testing.T) {
	in, err := os.ReadFile("testdata/prompt.txt")
	if err != nil {
		t.Fatal(err)
	}
	if python := twin.Python(); python == "" {
		if *update {
			t.Fatal("-update needs python3")
		}
		t.Log("python3 not found: the asyncio console is not run; testdata/prompt.out is used as it is")
	} else {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		cmd := twin.Command(ctx, python, "", "-m", "asyncio")
		cmd.Stdin = bytes.NewReader(in)
		out, err := cmd.Output()
		if err != nil {
			t.Fatalf("python3 -m asyncio: %v", err)
		}
		py := withoutPrompts(string(out))
		if *update {
			if err := os.WriteFile("testdata/prompt.out", []byte(py), 0o644); err != nil {
				t.Fatal(err)
			}
		} else if want, _ := os.ReadFile("testdata/prompt.out"); py != string(want) {
			t.Errorf("python3 -m asyncio no longer prints testdata/prompt.out; rerun with -update\ngot:\n%s\nwant:\n%s", py, want)
		}
	}
	want, err := os.ReadFile("testdata/prompt.out")
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(runPiped(t, string(in)), "\n") + "\n"; got != string(want) {
		t.Errorf("at asyncrun's prompt:\n%s\nCPython's asyncio console:\n%s", got, want)
	}
}

// withoutPrompts is a console's output without its prompts (which Python
// writes to stdout when stdin is not a terminal) and blank lines.
func withoutPrompts(out string) string {
	var b strings.Builder
	for _, line := range strings.Split(out, "\n") {
		for {
			trimmed := strings.TrimPrefix(strings.TrimPrefix(line, ">>> "), "... ")
			if trimmed == line {
				break
			}
			line = trimmed
		}
		if strings.TrimSpace(line) != "" && line != ">>>" {
			b.WriteString(line + "\n")
		}
	}
	return b.String()
}
