//go:build unix

package interp_test

import "syscall"

// signalPid sends sig to pid (a process group for a negative pid).
func signalPid(pid int, sig syscall.Signal) error { return syscall.Kill(pid, sig) }
