//go:build unix

package interp_test

import (
	"bytes"
	"context"
	"errors"
	"io"
	"path/filepath"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/asyncrun/asyncrun/interp"
)

// TestOpenFIFOTimeout: open() of a FIFO nobody writes blocks the script,
// as in Python, but the run's context still ends the run, and Close
// leaves nothing behind.
func TestOpenFIFOTimeout(t *testing.T) {
	dir := t.TempDir()
	if err := syscall.Mkfifo(filepath.Join(dir, "fifo"), 0o644); err != nil {
		t.Skipf("no FIFOs here: %v", err)
	}
	for _, src := range []string{`open("fifo")`, `open("fifo", "w")`} {
		it := interp.New(interp.Options{AllowRead: []string{dir}, AllowWrite: []string{dir}, Stdout: &bytes.Buffer{}, Stderr: &bytes.Buffer{}})
		ctx, cancel := context.WithTimeout(context.Background(), 200*time.Millisecond)
		done := make(chan error, 1)
		go func() {
			_, err := it.ExecFile(ctx, "main.star", strings.Replace(src, "fifo", filepath.Join(dir, "fifo"), 1))
			done <- err
		}()
		select {
		case err := <-done:
			if !errors.Is(err, context.DeadlineExceeded) {
				t.Errorf("%s: got %v, want the deadline", src, err)
			}
		case <-time.After(10 * time.Second):
			t.Fatalf("%s: the run still holds its loop 10 s after its deadline", src)
		}
		cancel()
		closed := make(chan error, 1)
		go func() { closed <- it.Close() }()
		select {
		case <-closed:
		case <-time.After(10 * time.Second):
			t.Fatalf("%s: Close has not returned after 10 s", src)
		}
	}
}

// signalWriter closes ready when "ready" is written.
type signalWriter struct {
	ready chan struct{}
	once  sync.Once
}

func (w *signalWriter) Write(p []byte) (int, error) {
	if strings.Contains(string(p), "ready") {
		w.once.Do(func() { close(w.ready) })
	}
	return len(p), nil
}

// TestOpenFIFOKeyboardInterrupt: Ctrl-C (Interp.KeyboardInterrupt) while
// open() blocks on a FIFO nobody writes raises KeyboardInterrupt in the
// script, as in Python, which can handle it; nothing is left behind.
func TestOpenFIFOKeyboardInterrupt(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "fifo")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Skipf("no FIFOs here: %v", err)
	}
	w := &signalWriter{ready: make(chan struct{})}
	var out bytes.Buffer
	it := interp.New(interp.Options{AllowRead: []string{dir}, Stdout: io.MultiWriter(w, &out), Stderr: io.Discard})
	done := make(chan error, 1)
	go func() {
		_, err := it.ExecFile(context.Background(), "main.star", `
print("ready")
try_(lambda: open(`+"\""+fifo+"\""+`), except_={KeyboardInterrupt: lambda e: print("KeyboardInterrupt")})
`)
		done <- err
	}()
	<-w.ready
	tick := time.NewTicker(20 * time.Millisecond) // Ctrl-C until it lands in the open
	defer tick.Stop()
	deadline := time.After(10 * time.Second)
	for waiting := true; waiting; {
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("ExecFile: %v", err)
			}
			waiting = false
		case <-tick.C:
			it.KeyboardInterrupt()
		case <-deadline:
			t.Fatal("Ctrl-C has not ended the blocked open() in 10 s")
		}
	}
	it.Close()
	if got := out.String(); got != "ready\nKeyboardInterrupt\n" {
		t.Errorf("got %q", got)
	}
}
