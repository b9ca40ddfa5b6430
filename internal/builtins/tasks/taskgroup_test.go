package tasks

import (
	"bytes"
	"context"
	"flag"
	"os"
	"os/exec"
	"testing"
	"time"
)

// The twin of TestTaskGroupTimeoutAsCPython: testdata/taskgroup_timeout.star
// and its CPython program testdata/taskgroup_timeout.py, whose output is the
// golden file testdata/taskgroup_timeout.out.
const (
	twinStar = "testdata/taskgroup_timeout.star"
	twinPy   = "taskgroup_timeout.py" // run in testdata
	twinOut  = "testdata/taskgroup_timeout.out"
)

var update = flag.Bool("update", false, "rewrite "+twinOut+" from CPython's output of testdata/"+twinPy)

// TestTaskGroupTimeoutAsCPython checks what the spec programs leave out:
// the reprs of TaskGroup and Timeout (an int deadline stays an int), the
// TaskGroup callback in a task's repr, a group's __context__ and
// __suppress_context__ (raised "from None"), a child raising a
// BaseException that is not an Exception (a BaseExceptionGroup, as
// CPython: only SystemExit and KeyboardInterrupt leave a group alone), the
// TimeoutError's __cause__, and entering outside a task or a loop. The
// wanted output is CPython's for the twin (see TestTaskGroupTimeoutCPythonTwin).
func TestTaskGroupTimeoutAsCPython(t *testing.T) {
	src, err := os.ReadFile(twinStar)
	if err != nil {
		t.Fatal(err)
	}
	want, err := os.ReadFile(twinOut)
	if err != nil {
		t.Fatal(err)
	}
	checkScript(t, string(src), string(want))
}

// TestTaskGroupTimeoutCPythonTwin runs the twin with python3, when it is on
// the PATH, and checks that the golden file is what CPython prints (or,
// with -update, rewrites it). The twin sleeps at most 10ms of real time.
func TestTaskGroupTimeoutCPythonTwin(t *testing.T) {
	python, err := exec.LookPath("python3")
	if err != nil {
		if *update {
			t.Fatal("-update needs python3")
		}
		t.Skip("python3 not found: the CPython twin is not run; the golden file is used as it is")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, python, twinPy)
	cmd.Dir = "testdata"
	cmd.Env = append(os.Environ(), "PYTHONWARNINGS=ignore", "PYTHONDONTWRITEBYTECODE=1")
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	got, err := cmd.Output()
	if err != nil {
		t.Fatalf("%s: %v\n%s", twinPy, err, stderr.String())
	}
	if *update {
		if err := os.WriteFile(twinOut, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(twinOut)
	if err != nil {
		t.Fatalf("golden file: %v", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s no longer prints %s; rerun with -update\ngot:\n%s\nwant:\n%s", twinPy, twinOut, got, want)
	}
}
