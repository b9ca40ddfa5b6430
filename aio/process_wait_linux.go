//go:build linux

package aio

import (
	"os"
	"os/exec"
	"syscall"

	"golang.org/x/sys/unix"
)

// withPidfd asks for a pidfd of the child (see waitExit); *fd stays -1
// when the kernel gives none.
func withPidfd(attr *syscall.SysProcAttr, fd *int) {
	*fd = -1
	attr.PidFD = fd
}

// waitExit waits until the child of cmd exits, then reaps it. With a
// pidfd, the wait is the netpoller's (a pidfd becomes readable when its
// process exits), so a waiting child holds no OS thread: os.Process.Wait
// alone blocks a thread in waitid for each. cmd.Wait then returns at
// once. The pidfd is closed.
func waitExit(cmd *exec.Cmd, pidfd int) {
	if pidfd >= 0 {
		if syscall.SetNonblock(pidfd, true) == nil {
			f := os.NewFile(uintptr(pidfd), "pidfd")
			if rc, err := f.SyscallConn(); err == nil {
				rc.Read(func(fd uintptr) bool { return exited(int(fd)) })
			}
			f.Close()
		} else {
			syscall.Close(pidfd)
		}
	}
	cmd.Wait()
}

// exited reports whether the process of pidfd fd has exited (or the fd
// cannot tell: the caller then waits in cmd.Wait).
func exited(fd int) bool {
	fds := []unix.PollFd{{Fd: int32(fd), Events: unix.POLLIN}}
	n, err := unix.Poll(fds, 0)
	return err != nil || n > 0
}

// closePidfd closes a pidfd that will not be waited on.
func closePidfd(fd int) {
	if fd >= 0 {
		syscall.Close(fd)
	}
}
