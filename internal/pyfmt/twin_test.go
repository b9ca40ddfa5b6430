package pyfmt

import (
	"bytes"
	"context"
	"flag"
	"os"
	"os/exec"
	"testing"
	"time"
)

var update = flag.Bool("update", false, "rewrite testdata/cpython.json and testdata/reprlib.json from CPython's output of testdata/gen.py and testdata/gen_reprlib.py")

// TestCPythonFormatTwin runs testdata/gen.py, the CPython side of
// TestFormatMatchesCPython and TestReprMatchesCPython, when python3 is on
// the PATH, and checks that the golden file testdata/cpython.json is what
// it prints; go test ./internal/pyfmt -run TestCPythonFormatTwin -update
// rewrites the golden file from CPython's output.
func TestCPythonFormatTwin(t *testing.T) { checkTwin(t, "testdata/gen.py", "testdata/cpython.json") }

// TestCPythonReprlibTwin runs testdata/gen_reprlib.py, the CPython side of
// TestShortReprMatchesCPython, when python3 is on the PATH, and checks that
// the golden file testdata/reprlib.json is what it prints; -update rewrites
// it, as for TestCPythonFormatTwin.
func TestCPythonReprlibTwin(t *testing.T) {
	checkTwin(t, "testdata/gen_reprlib.py", "testdata/reprlib.json")
}

// checkTwin runs the CPython program script and checks that it prints the
// golden file golden (or, with -update, writes it).
func checkTwin(t *testing.T, script, golden string) {
	python, err := exec.LookPath("python3")
	if err != nil {
		if *update {
			t.Fatal("-update needs python3")
		}
		t.Skipf("python3 not found: %s is not run; %s is used as it is", script, golden)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, python, script)
	cmd.Env = append(os.Environ(), "PYTHONWARNINGS=ignore", "PYTHONDONTWRITEBYTECODE=1")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	got, err := cmd.Output()
	if err != nil {
		t.Fatalf("%s: %v\n%s", script, err, stderr.String())
	}
	if *update {
		if err := os.WriteFile(golden, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s no longer prints %s; rerun with -update", script, golden)
	}
}
