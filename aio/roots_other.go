//go:build !unix

package aio

import "os"

// unblockOpen does nothing where files have no FIFOs to block an open.
func unblockOpen(open func(flag int) (*os.File, error), stat func() (os.FileInfo, error), opened <-chan struct{}) {
}
