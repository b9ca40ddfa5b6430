//go:build unix

package aio

import (
	"errors"
	"path/filepath"
	"syscall"
	"testing"
	"time"
)

// TestOpenFIFOShutdown: an open() of a FIFO nobody writes blocks, as in
// Python, but only until the Env shuts down (the run ends): then it fails
// with ErrClosed, and Close leaves no goroutine behind.
func TestOpenFIFOShutdown(t *testing.T) {
	dir := t.TempDir()
	for _, tc := range []struct{ name, mode string }{{"r", "r"}, {"w", "w"}} {
		fifo := filepath.Join(dir, tc.name)
		if err := syscall.Mkfifo(fifo, 0o644); err != nil {
			t.Skipf("no FIFOs here: %v", err)
		}
		env := NewEnv(Config{Perm: Permissions{Read: []string{dir}, Write: []string{dir}}})
		done := make(chan error, 1)
		go func() {
			_, err := env.Open("open", fifo, tc.mode)
			done <- err
		}()
		select {
		case err := <-done:
			t.Fatalf("open(%q) of a FIFO with no other end returned at once: %v", tc.mode, err)
		case <-time.After(50 * time.Millisecond): // it blocks, as in Python
		}
		env.Shutdown()
		select {
		case err := <-done:
			if !errors.Is(err, ErrClosed) {
				t.Errorf("open(%q) after Shutdown: got %v, want ErrClosed", tc.mode, err)
			}
		case <-time.After(10 * time.Second):
			t.Fatalf("open(%q) of a FIFO still blocks 10 s after Shutdown", tc.mode)
		}
		closeEnv(t, env)
	}
}
