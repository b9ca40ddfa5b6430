//go:build unix

package aio

import (
	"errors"
	"syscall"
)

// processesSupported reports whether this platform can contain the
// children it starts (it can: process groups).
func processesSupported(op string) error { return nil }

// inGroup makes the child the leader of a process group of its own, so
// that what it starts can be killed with it.
func inGroup(attr *syscall.SysProcAttr) { attr.Setpgid = true }

// killGroup kills every process of the process group pgid.
func killGroup(pgid int) { syscall.Kill(-pgid, syscall.SIGKILL) }

// groupAlive reports whether the process group pgid has a process left.
func groupAlive(pgid int) bool {
	err := syscall.Kill(-pgid, 0)
	return err == nil || errors.Is(err, syscall.EPERM)
}
