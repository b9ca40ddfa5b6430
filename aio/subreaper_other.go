//go:build !linux

package aio

import "errors"

// BecomeSubreaper returns an error: only Linux has child subreapers.
// Descendants that leave their process group (setsid, a double fork) are
// then not found at the end of a run.
func BecomeSubreaper() error { return errors.ErrUnsupported }

// ReapOrphans does nothing without a subreaper; it returns 0.
func ReapOrphans(kill bool) int { return 0 }
