package pyfmt

import (
	"flag"
	"testing"

	"github.com/asyncrun/asyncrun/internal/twin"
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
// golden file golden (or, with -update, writes it): see package twin.
func checkTwin(t *testing.T, script, golden string) {
	t.Helper()
	twin.Check(t, script, golden, *update)
}
