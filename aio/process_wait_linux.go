//go:build linux

package aio

import (
	"os"
	"os/exec"
	"syscall"

	"golang.org/x/sys/unix"
)

// withPidfd is where a platform may ask for a pidfd at the start; on
// Linux none is asked for (*fd stays -1): waitExit opens its own, because
// the one the start gives shares its open file description with the pidfd
// os.Process waits with, and the O_NONBLOCK the netpoller needs would make
// that wait fail with EAGAIN.
func withPidfd(attr *syscall.SysProcAttr, fd *int) {
	*fd = -1
}

// waitExit waits until the child of cmd exits, then reaps it. The wait is
// the netpoller's, on a pidfd of its own (readable once the process has
// exited), so a waiting child holds no OS thread: os.Process.Wait alone
// blocks a thread in waitid for each. cmd.Wait then returns at once. A
// child that exited before its pidfd was opened is a zombie until reaped,
// so the pidfd still finds it. Without pidfds, cmd.Wait waits alone.
func waitExit(cmd *exec.Cmd, _ int) {
	if fd, err := unix.PidfdOpen(cmd.Process.Pid, 0); err == nil {
		if syscall.SetNonblock(fd, true) == nil {
			f := os.NewFile(uintptr(fd), "pidfd")
			if rc, err := f.SyscallConn(); err == nil {
				rc.Read(func(fd uintptr) bool { return exited(int(fd)) })
			}
			f.Close()
		} else {
			syscall.Close(fd)
		}
	}
	cmd.Wait()
}

// exited reports whether the process of pidfd fd has exited (or the fd
// cannot tell: the caller then waits in cmd.Wait).
func exited(fd int) bool {
	fds := []unix.PollFd{{Fd: int32(fd), Events: unix.POLLIN}}
	for {
		n, err := unix.Poll(fds, 0)
		if err == syscall.EINTR {
			continue
		}
		return err != nil || n > 0
	}
}

// closePidfd closes a pidfd that will not be waited on.
func closePidfd(fd int) {
	if fd >= 0 {
		syscall.Close(fd)
	}
}
