//go:build windows

package interp

import "os"

// childSignal stands for SIGCHLD, which Windows does not have (nor a
// subreaper: ContainDescendants returns before it is used).
var childSignal = os.Interrupt
