//go:build windows

package interp_test

import "syscall"

// signalPid finds nothing on Windows, where scripts start no processes.
func signalPid(pid int, sig syscall.Signal) error { return syscall.ESRCH }
