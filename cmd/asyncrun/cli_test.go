package main

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"go.uber.org/goleak"
)

// TestCLI runs the scripts of commands in testdata/*.txt. Each file is in
// txtar form: a comment holding the arguments (one per line, after "args:"),
// then sections "-- NAME --": files to create in a temporary folder (the
// command runs there), "stdin", and the expectations "stdout" (exact),
// "stderr" (each line a regexp that stderr must match, ^ and $ at line ends) and
// "status" (the exit status). In arguments, $SCRIPTS is the folder of the
// example scripts. A comment line "symlink: NAME -> TARGET" makes a
// symbolic link.
func TestCLI(t *testing.T) {
	defer goleak.VerifyNone(t)
	scripts, _ := filepath.Abs(filepath.Join("..", "..", "scripts"))
	files, _ := filepath.Glob("testdata/*.txt")
	if len(files) == 0 {
		t.Fatal("no CLI scripts")
	}
	for _, f := range files {
		t.Run(strings.TrimSuffix(filepath.Base(f), ".txt"), func(t *testing.T) {
			data, err := os.ReadFile(f)
			if err != nil {
				t.Fatal(err)
			}
			comment, sections := parseTxtar(string(data))
			dir := t.TempDir()
			var args []string
			for _, line := range strings.Split(comment, "\n") {
				if a, ok := strings.CutPrefix(line, "args:"); ok {
					args = append(args, strings.ReplaceAll(strings.TrimSpace(a), "$SCRIPTS", scripts))
				}
			}
			for name, body := range sections {
				if !isExpectation(name) {
					os.MkdirAll(filepath.Dir(filepath.Join(dir, name)), 0o755)
					os.WriteFile(filepath.Join(dir, name), []byte(body), 0o644)
				}
			}
			for _, line := range strings.Split(comment, "\n") {
				if l, ok := strings.CutPrefix(line, "symlink:"); ok {
					name, target, _ := strings.Cut(strings.TrimSpace(l), " -> ")
					if err := os.Symlink(target, filepath.Join(dir, name)); err != nil {
						t.Skipf("no symbolic links here: %v", err)
					}
				}
			}
			wd, _ := os.Getwd()
			os.Chdir(dir)
			defer os.Chdir(wd)
			var stdout, stderr bytes.Buffer
			status := run(args, strings.NewReader(sections["stdin"]), &stdout, &stderr)
			if want, ok := sections["status"]; ok {
				if w, _ := strconv.Atoi(strings.TrimSpace(want)); status != w {
					t.Errorf("status: got %d, want %d\nstderr:\n%s", status, w, stderr.String())
				}
			}
			if want, ok := sections["stdout"]; ok && stdout.String() != want {
				t.Errorf("stdout: got\n%s\nwant\n%s", stdout.String(), want)
			}
			if want, ok := sections["stderr"]; ok {
				for _, pat := range strings.Split(strings.TrimSpace(want), "\n") {
					if !regexp.MustCompile("(?m)" + pat).MatchString(stderr.String()) {
						t.Errorf("stderr does not match %q:\n%s", pat, stderr.String())
					}
				}
				if strings.Contains(stderr.String(), "goroutine ") || strings.Contains(stderr.String(), "panic:") {
					t.Errorf("stderr shows a Go panic:\n%s", stderr.String())
				}
			}
		})
	}
}

func isExpectation(name string) bool {
	switch name {
	case "stdin", "stdout", "stderr", "status":
		return true
	}
	return false
}

// parseTxtar splits a txtar archive into its comment and named sections.
func parseTxtar(s string) (string, map[string]string) {
	sections := map[string]string{}
	var comment strings.Builder
	name := ""
	var body strings.Builder
	flush := func() {
		if name != "" {
			sections[name] = body.String()
		}
		body.Reset()
	}
	for _, line := range strings.SplitAfter(s, "\n") {
		trimmed := strings.TrimRight(line, "\n")
		if strings.HasPrefix(trimmed, "-- ") && strings.HasSuffix(trimmed, " --") && len(trimmed) > 6 {
			flush()
			name = strings.TrimSpace(trimmed[3 : len(trimmed)-3])
			continue
		}
		if name == "" {
			comment.WriteString(line)
		} else {
			body.WriteString(line)
		}
	}
	flush()
	return comment.String(), sections
}
