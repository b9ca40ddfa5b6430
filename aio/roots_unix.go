//go:build unix

package aio

import (
	"os"
	"syscall"
)

// unblockOpen unblocks an open of a FIFO waiting for its other end: it
// opens the FIFO itself, non-blocking, as reader and writer (or, where
// that is not allowed, as each end it may), and keeps it open until the
// blocked open has returned (opened is closed). It does nothing to a file
// that is not a FIFO.
func unblockOpen(open func(flag int) (*os.File, error), stat func() (os.FileInfo, error), opened <-chan struct{}) {
	fi, err := stat()
	if err != nil || fi.Mode()&os.ModeNamedPipe == 0 {
		return
	}
	var ends []*os.File
	if f, err := open(os.O_RDWR | syscall.O_NONBLOCK | syscall.O_NOCTTY); err == nil {
		ends = append(ends, f)
	} else {
		for _, flag := range []int{os.O_RDONLY, os.O_WRONLY} {
			if f, err := open(flag | syscall.O_NONBLOCK | syscall.O_NOCTTY); err == nil {
				ends = append(ends, f)
			}
		}
	}
	<-opened
	for _, f := range ends {
		f.Close()
	}
}
