//go:build linux

package aio

import (
	"os"
	"strconv"
	"strings"
	"syscall"

	"golang.org/x/sys/unix"
)

// BecomeSubreaper makes the process a child subreaper
// (PR_SET_CHILD_SUBREAPER): a descendant orphaned by its parent (a
// double fork, a shell's "cmd &" after the shell exits, setsid) becomes
// this process's child instead of init's, so ReapOrphans can find, kill
// and reap it. It is for a program that runs one interpreter at a time,
// such as the CLI; it returns an error on platforms without subreapers.
func BecomeSubreaper() error {
	return unix.Prctl(unix.PR_SET_CHILD_SUBREAPER, 1, 0, 0, 0)
}

// ReapOrphans reaps the children of the process that this package did not
// start (descendants handed to a subreaper) and have exited; with kill,
// it first kills them, and what they started, with SIGKILL. It returns
// how many it found still running (with kill: were sent SIGKILL and not
// reaped yet); call it again until that is 0. Children that another part
// of the process started are taken for orphans too: call it only in a
// process whose children are this package's.
func ReapOrphans(kill bool) int {
	startMu.Lock()
	defer startMu.Unlock()
	left := 0
	for _, pid := range ownChildren() {
		if isChild(pid) {
			continue
		}
		if kill {
			syscall.Kill(-pid, syscall.SIGKILL) // a setsid'd one leads a group
			syscall.Kill(pid, syscall.SIGKILL)
		}
		var ws syscall.WaitStatus
		if got, err := syscall.Wait4(pid, &ws, syscall.WNOHANG, nil); err == nil && got == pid {
			continue
		}
		left++
	}
	return left
}

// ownChildren returns the pids of the process's children, from
// /proc/self/task/*/children.
func ownChildren() []int {
	tasks, _ := os.ReadDir("/proc/self/task")
	var pids []int
	for _, t := range tasks {
		b, err := os.ReadFile("/proc/self/task/" + t.Name() + "/children")
		if err != nil {
			continue
		}
		for _, f := range strings.Fields(string(b)) {
			if pid, err := strconv.Atoi(f); err == nil {
				pids = append(pids, pid)
			}
		}
	}
	return pids
}
