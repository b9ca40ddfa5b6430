package main

import (
	"bytes"
	"flag"
	"io"
	"slices"
	"strings"
	"testing"
)

// TestDefaultMemoryBound: without -max-memory a memory bomb stops with
// MemoryError and status 1 at 20% of the machine's memory (here a machine
// of 1 GiB), not with Go's fatal out-of-memory error and status 2.
func TestDefaultMemoryBound(t *testing.T) {
	defer func(f func() uint64) { machineMemory = f }(machineMemory)
	defer func(f func() int64) { limitBound = f }(limitBound)
	limitBound = func() int64 { return 0 }
	machineMemory = func() uint64 { return 1 << 30 }
	var stderr bytes.Buffer
	status := runWith([]string{"-c", "s = 'x' * 1000\nfor i in range(40):\n    s = s + s\nprint(len(s))"}, strings.NewReader(""), io.Discard, &stderr, nil)
	if status != 1 || !strings.Contains(stderr.String(), "\nMemoryError: the interpreter's memory limit (204 MB) is exceeded") {
		t.Errorf("status %d, stderr %q; want 1 and a MemoryError at 204 MB", status, stderr.String())
	}
}

// TestMemoryBoundFlag: -max-memory SIZE is the bound, -max-memory 0 none;
// the default is 20% of the machine's memory, none when that is unknown.
func TestMemoryBoundFlag(t *testing.T) {
	defer func(f func() uint64) { machineMemory = f }(machineMemory)
	defer func(f func() int64) { limitBound = f }(limitBound)
	for _, tc := range []struct {
		args    []string
		machine uint64
		limit   int64 // the bound the process's limits allow (0: none)
		want    int64
	}{
		{nil, 10 << 30, 0, 2 << 30},
		{nil, 0, 0, 0},
		{nil, 10 << 30, 300 << 20, 300 << 20},
		{nil, 0, 300 << 20, 300 << 20},
		{nil, 1 << 30, 300 << 20, 1 << 30 / 5},
		{[]string{"-max-memory", "512M"}, 10 << 30, 300 << 20, 512 << 20},
		{[]string{"-max-memory", "0"}, 10 << 30, 0, 0},
		{[]string{"-max-memory", "512M"}, 10 << 30, 0, 512 << 20},
	} {
		machineMemory = func() uint64 { return tc.machine }
		limitBound = func() int64 { return tc.limit }
		fs := flag.NewFlagSet("t", flag.ContinueOnError)
		var b byteSize
		fs.Var(&b, "max-memory", "")
		if err := fs.Parse(tc.args); err != nil {
			t.Fatal(err)
		}
		if got := memoryBound(fs, b); got != tc.want {
			t.Errorf("%v on a machine of %d bytes: bound %d, want %d", tc.args, tc.machine, got, tc.want)
		}
	}
}

// TestMemTotal reads MemTotal from /proc/meminfo's format.
func TestMemTotal(t *testing.T) {
	info := "MemTotal:       24684084 kB\nMemFree:        22000000 kB\n"
	if got, want := memTotal([]byte(info)), uint64(24684084)<<10; got != want {
		t.Errorf("memTotal = %d, want %d", got, want)
	}
	if got := memTotal([]byte("nothing")); got != 0 {
		t.Errorf("memTotal of no MemTotal line = %d, want 0", got)
	}
}

// TestCgroupLimitFiles finds the memory limit files of a process's cgroups,
// v1 (a memory controller line) and v2 (the unified line).
func TestCgroupLimitFiles(t *testing.T) {
	got := cgroupLimitFiles([]byte("9:name=systemd:/\n4:memory:/process_api/ab12\n0::/user.slice/x.scope\n"))
	want := []string{"/sys/fs/cgroup/memory/process_api/ab12/memory.limit_in_bytes", "/sys/fs/cgroup/user.slice/x.scope/memory.max"}
	if !slices.Equal(got, want) {
		t.Errorf("cgroupLimitFiles = %q, want %q", got, want)
	}
}
