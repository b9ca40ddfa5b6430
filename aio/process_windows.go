//go:build windows

package aio

import "syscall"

// processesSupported refuses child processes on Windows: there is no
// process group (and no job object here yet) through which the
// interpreter could kill what a child starts, so it cannot keep its
// promise that nothing outlives the run.
func processesSupported(op string) error {
	return &PermissionError{Op: op, What: "running programs on Windows", Hint: "asyncrun cannot kill what a child starts there, so -allow-run is refused"}
}

func inGroup(attr *syscall.SysProcAttr) {}

func killGroup(pgid int) {}

func groupAlive(pgid int) bool { return false }
