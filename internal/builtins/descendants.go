package builtins

import "github.com/asyncrun/asyncrun/aio"

// BecomeSubreaper makes the process a child subreaper, where the platform
// has them (see aio.BecomeSubreaper).
func BecomeSubreaper() error { return aio.BecomeSubreaper() }

// ReapOrphans reaps (with kill: kills, then reaps) the process's children
// that no runtime started: orphaned descendants (see aio.ReapOrphans).
func ReapOrphans(kill bool) int { return aio.ReapOrphans(kill) }
