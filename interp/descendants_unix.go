//go:build unix

package interp

import "syscall"

// childSignal is the signal of a child's exit.
var childSignal = syscall.SIGCHLD
