// Package twin runs the CPython twins of asyncrun's tests. A twin is a
// Python 3.11 program kept beside the test that uses it, and what it
// prints is a golden file that the test reads. When python3 is on the
// PATH, a test runs the twin and checks that the golden file is still what
// CPython prints; with the test's -update flag it rewrites the golden file
// from CPython's output, never from asyncrun's. Without python3 the golden
// files are used as they are, and the test says so.
//
// The conformance suite (spec_tests), loop's ordering logs, pyfmt's
// formats and reprs, and the REPL's prompt all run their twins through
// this package.
package twin

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"
)

// Python returns the path of python3, or "" when it is not on the PATH.
func Python() string {
	p, _ := exec.LookPath("python3")
	return p
}

// Command returns the command that runs python with args in the folder
// dir ("" for the test's own), with Python's warnings off and no bytecode
// written, so that a twin's output does not depend on the machine and the
// tree stays clean. ctx bounds the run.
func Command(ctx context.Context, python, dir string, args ...string) *exec.Cmd {
	cmd := exec.CommandContext(ctx, python, args...)
	cmd.Dir = dir
	cmd.Env = append(os.Environ(), "PYTHONWARNINGS=ignore", "PYTHONDONTWRITEBYTECODE=1")
	return cmd
}

// Check runs the twin script with python3, in script's folder, and checks
// that the golden file holds what it prints on its standard output; with
// update it rewrites golden instead. Without python3 it skips t, saying
// that golden is used as it is (and fails t when update asks for a
// rewrite). A twin has 30 seconds.
func Check(t testing.TB, script, golden string, update bool) {
	t.Helper()
	python := Python()
	if python == "" {
		if update {
			t.Fatal("-update needs python3")
		}
		t.Skipf("python3 not found: %s is not run; %s is used as it is", script, golden)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	cmd := Command(ctx, python, filepath.Dir(script), filepath.Base(script))
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	got, err := cmd.Output()
	if err != nil {
		t.Fatalf("%s: %v\n%s", script, err, stderr.String())
	}
	if update {
		if err := os.WriteFile(golden, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("golden file: %v", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s no longer prints %s; rerun with -update\ngot:\n%s\nwant:\n%s", script, golden, got, want)
	}
}
