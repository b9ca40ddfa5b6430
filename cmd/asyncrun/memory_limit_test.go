//go:build linux

package main

import (
	"context"
	"os"
	"os/exec"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestMemoryBombUnderAddressLimit: under an address-space limit (ulimit
// -v) with room for less than the default share of the machine's memory,
// a string doubled without end stops with MemoryError (status 1), not with
// Go's fatal out-of-memory error (status 2): the default bound respects
// RLIMIT_AS. The CLI runs as a child process (this test binary) that sets
// the limit on itself: 1.8 GB over its address space then.
func TestMemoryBombUnderAddressLimit(t *testing.T) {
	if os.Getenv("ASYNCRUN_MEM_CHILD") == "1" {
		vm := statusBytes(readFile("/proc/self/status"), "VmSize:")
		lim := syscall.Rlimit{Cur: vm + 1800<<20, Max: vm + 1800<<20}
		if err := syscall.Setrlimit(syscall.RLIMIT_AS, &lim); err != nil {
			os.Exit(3)
		}
		os.Exit(run([]string{"-c", "s = 'x'\nfor i in range(64):\n    s = s + s\nprint(len(s))\n"}, os.Stdin, os.Stdout, os.Stderr))
	}
	if _, err := os.Stat("/proc/self/status"); err != nil {
		t.Skip("no /proc/self/status to size the limit")
	}
	if raceEnabled {
		t.Skip("the race detector's shadow memory does not fit under an address-space limit")
	}
	ctx, cancel := context.WithTimeout(context.Background(), 60*time.Second)
	defer cancel()
	cmd := exec.CommandContext(ctx, os.Args[0], "-test.run=^TestMemoryBombUnderAddressLimit$")
	cmd.Env = append(os.Environ(), "ASYNCRUN_MEM_CHILD=1")
	out, err := cmd.CombinedOutput()
	status := 0
	if ee, ok := err.(*exec.ExitError); ok {
		status = ee.ExitCode()
	}
	if status == 3 {
		t.Skip("cannot set RLIMIT_AS here")
	}
	if status != 1 || !strings.Contains(string(out), "MemoryError") || strings.Contains(string(out), "fatal error") {
		t.Errorf("status %d, want 1 with MemoryError; output:\n%.2000s", status, out)
	}
}
