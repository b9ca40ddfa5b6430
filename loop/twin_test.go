package loop

import (
	"flag"
	"os"
	"strings"
	"testing"

	"github.com/asyncrun/asyncrun/internal/twin"
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

// checkTwin runs the CPython twin py and checks that the golden file out
// is what it prints (or, with -update, rewrites out): see package twin.
func checkTwin(t *testing.T, py, out string) {
	t.Helper()
	twin.Check(t, py, out, *update)
}
