package loop

import (
	"bytes"
	"context"
	"flag"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// The ordering and task group tests compare their logs with what CPython
// 3.11 prints for the same scenarios. Each set of scenarios has a CPython
// twin, testdata/NAME.py, which prints one line "scenario: log" per
// scenario; its output is the golden file testdata/NAME.out, which the Go
// tests read. A TestCPython*Twin test runs the twin when python3 is on the
// PATH and checks that the golden file is still what CPython prints;
// go test ./loop -run 'TestCPython.*Twin' -update rewrites the golden files
// from CPython's output. The twins use no real time (sleep(0), or a virtual
// clock), so their output does not depend on the machine's load.

var update = flag.Bool("update", false, "rewrite the golden files testdata/*.out from CPython's output of their twins testdata/*.py")

// goldenLogs reads the golden file out: the log of each scenario, by name.
func goldenLogs(t *testing.T, out string) map[string]string {
	t.Helper()
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatalf("golden file: %v", err)
	}
	logs := map[string]string{}
	for _, line := range strings.Split(strings.TrimSuffix(string(data), "\n"), "\n") {
		name, log, ok := strings.Cut(line, ": ")
		if !ok {
			t.Fatalf("%s: line %q is not \"name: log\"", out, line)
		}
		logs[name] = log
	}
	return logs
}

// goldenLog is the log of the scenario name in the golden file out.
func goldenLog(t *testing.T, out, name string) string {
	t.Helper()
	log, ok := goldenLogs(t, out)[name]
	if !ok {
		t.Fatalf("%s has no line for %s", out, name)
	}
	return log
}

// checkTwin runs the CPython twin py with python3, when it is on the PATH,
// and checks that the golden file out is what it prints (or, with -update,
// rewrites out).
func checkTwin(t *testing.T, py, out string) {
	t.Helper()
	python, err := exec.LookPath("python3")
	if err != nil {
		if *update {
			t.Fatal("-update needs python3")
		}
		t.Skip("python3 not found: the CPython twin is not run; the golden file is used as it is")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, python, filepath.Base(py))
	cmd.Dir = filepath.Dir(py)
	cmd.Env = append(os.Environ(), "PYTHONWARNINGS=ignore", "PYTHONDONTWRITEBYTECODE=1")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	got, err := cmd.Output()
	if err != nil {
		t.Fatalf("%s: %v\n%s", py, err, stderr.String())
	}
	if *update {
		if err := os.WriteFile(out, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(out)
	if err != nil {
		t.Fatalf("golden file: %v", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s no longer prints %s; rerun with -update\ngot:\n%s\nwant:\n%s", py, out, got, want)
	}
}
