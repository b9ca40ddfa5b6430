package main

import (
	"bytes"
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestTraceParallelTasks: asyncrun -virtual-time -trace t.json
// scripts/parallel_tasks.star writes a file whose traceEvents hold one
// named track per task (its four tasks: the three factorials and wait's)
// and whose timestamps span the 3 s of simulated time the run takes.
func TestTraceParallelTasks(t *testing.T) {
	file := filepath.Join(t.TempDir(), "t.json")
	var stdout, stderr bytes.Buffer
	if st := run([]string{"-virtual-time", "-trace", file, "../../scripts/parallel_tasks.star"}, strings.NewReader(""), &stdout, &stderr); st != 0 {
		t.Fatalf("status %d\n%s", st, stderr.String())
	}
	data, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	var trace struct {
		TraceEvents []struct {
			Name, Ph string
			Ts, Dur  float64
			Tid      int
			Args     map[string]any
		}
	}
	if err := json.Unmarshal(data, &trace); err != nil {
		t.Fatalf("the trace is not JSON: %v", err)
	}
	tasks := map[int]bool{} // the tracks where a task was created
	names := map[int][]string{}
	first, last := math.Inf(1), math.Inf(-1)
	for _, ev := range trace.TraceEvents {
		switch {
		case ev.Ph == "M" && ev.Name == "thread_name":
			names[ev.Tid] = append(names[ev.Tid], ev.Args["name"].(string))
		case ev.Ph == "i" && ev.Name == "created":
			tasks[ev.Tid] = true
		}
		if ev.Ph != "M" {
			first, last = min(first, ev.Ts), max(last, ev.Ts+ev.Dur)
		}
	}
	var got []string
	for tid := range tasks {
		if len(names[tid]) != 1 {
			t.Errorf("task track %d has the names %q, want one", tid, names[tid])
			continue
		}
		got = append(got, names[tid][0])
	}
	if want := []string{"Task-1", "Task-2", "Task-3", "Task-4"}; !sameSet(got, want) {
		t.Errorf("task tracks named %q, want %q", got, want)
	}
	if span := last - first; span != 3e6 {
		t.Errorf("the timestamps span %v µs, want 3 s of simulated time", span)
	}
}

func sameSet(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	seen := map[string]int{}
	for _, s := range a {
		seen[s]++
	}
	for _, s := range b {
		if seen[s]--; seen[s] < 0 {
			return false
		}
	}
	return true
}

// TestTraceUnwritable: a trace file that cannot be made is a usage error.
func TestTraceUnwritable(t *testing.T) {
	var stdout, stderr bytes.Buffer
	file := filepath.Join(t.TempDir(), "no", "such", "dir", "t.json")
	if st := run([]string{"-trace", file, "-c", "print(1)"}, strings.NewReader(""), &stdout, &stderr); st != 2 || !strings.Contains(stderr.String(), "asyncrun: -trace: ") {
		t.Errorf("got status %d, stderr %q; want 2 and the error", st, stderr.String())
	}
}
