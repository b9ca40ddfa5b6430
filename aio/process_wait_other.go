//go:build !linux

package aio

import (
	"os/exec"
	"syscall"
)

func withPidfd(attr *syscall.SysProcAttr, fd *int) { *fd = -1 }

// waitExit waits until the child of cmd exits and reaps it. Without
// pidfds (not Linux), each waiting child holds an OS thread here; the
// bound on live children (Config.MaxProcesses) bounds those threads.
func waitExit(cmd *exec.Cmd, pidfd int) { cmd.Wait() }

func closePidfd(fd int) {}
