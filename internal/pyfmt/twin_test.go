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

var update = flag.Bool("update", false, "rewrite testdata/cpython.json from CPython's output of testdata/gen.py")

// TestCPythonFormatTwin runs testdata/gen.py, the CPython side of
// TestFormatMatchesCPython and TestReprMatchesCPython, when python3 is on
// the PATH, and checks that the golden file testdata/cpython.json is what
// it prints; go test ./internal/pyfmt -run TestCPythonFormatTwin -update
// rewrites the golden file from CPython's output.
func TestCPythonFormatTwin(t *testing.T) {
	python, err := exec.LookPath("python3")
	if err != nil {
		if *update {
			t.Fatal("-update needs python3")
		}
		t.Skip("python3 not found: testdata/gen.py is not run; testdata/cpython.json is used as it is")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, python, "testdata/gen.py")
	cmd.Env = append(os.Environ(), "PYTHONWARNINGS=ignore", "PYTHONDONTWRITEBYTECODE=1")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	got, err := cmd.Output()
	if err != nil {
		t.Fatalf("testdata/gen.py: %v\n%s", err, stderr.String())
	}
	if *update {
		if err := os.WriteFile("testdata/cpython.json", got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile("testdata/cpython.json")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("testdata/gen.py no longer prints testdata/cpython.json; rerun with -update")
	}
}
