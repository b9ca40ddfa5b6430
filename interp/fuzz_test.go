package interp_test

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"log"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/asyncrun/asyncrun/interp"
	"go.starlark.net/starlark"
	"go.uber.org/goleak"
)

// The fuzz targets run each input in a fresh interpreter under virtual time,
// with a step limit and a context deadline, and check that the run neither
// panics nor hangs and that Close leaves no goroutine behind. A script error
// of any kind is a fine outcome.
//
// Run one for longer than CI does (.ci/run) with, for example:
//
//	go test -run X -fuzz '^FuzzExec$' -fuzztime 10m -parallel 1 ./interp
//	go test -run X -fuzz '^FuzzAsyncio$' -fuzztime 10m -parallel 1 ./interp
//
// A failing input is saved under testdata/fuzz/FuzzExec/ (or FuzzAsyncio/);
// `go test -run 'FuzzExec/NAME' -v ./interp` runs it again. For FuzzAsyncio,
// ASYNCRUN_FUZZ_SHOW=1 prints each generated program on stderr before it runs
// (the test log is lost when the Go runtime dies of a stack overflow).
const (
	fuzzMaxSteps = 200_000
	fuzzDeadline = 2 * time.Second
	// fuzzMaxMemory stops a script that allocates without end (a single
	// allocation larger than that still completes first).
	fuzzMaxMemory = 1 << 30
	// fuzzMargin is how long past the deadline a run (ExecFile then Close)
	// may take before it counts as a hang: generous, as the machine is
	// shared and the race detector slows runs down, but with deadline and
	// margin under the 10 s after which the fuzzing engine gives up on a
	// worker, so that a hang is reported here, with the program and the
	// goroutines, not as "fuzzing process hung" with neither.
	fuzzMargin = 6 * time.Second
)

// FuzzExec feeds arbitrary source to the interpreter. Seeds: the
// conformance programs (of every folder, Python's syntax and the seed's
// examples included) and the example scripts.
func FuzzExec(f *testing.F) {
	for _, pattern := range []string{"../spec_tests/testdata/*/*.star", "../scripts/*.star"} {
		files, err := filepath.Glob(pattern)
		if err != nil {
			f.Fatal(err)
		}
		if len(files) == 0 {
			f.Fatalf("no seeds match %s", pattern)
		}
		for _, name := range files {
			src, err := os.ReadFile(name)
			if err != nil {
				f.Fatal(err)
			}
			f.Add(string(src))
		}
	}
	// Python's async syntax: the chunks of bad input.
	for _, pattern := range []string{"testdata/syntax/*.star"} {
		files, _ := filepath.Glob(pattern)
		if len(files) == 0 {
			f.Fatalf("no seeds match %s", pattern)
		}
		for _, name := range files {
			src, err := os.ReadFile(name)
			if err != nil {
				f.Fatal(err)
			}
			for _, chunk := range strings.Split(string(src), "\n---\n") {
				f.Add(chunk)
			}
		}
	}
	for _, src := range processEscapeSeeds {
		f.Add(src)
	}
	for _, src := range escapeSeeds { // see escape_test.go
		f.Add(src)
	}
	f.Fuzz(func(t *testing.T, src string) {
		fuzzRun(t, src)
	})
}

// noLoad is the fuzz targets' loader: a fuzz input reads no file.
func noLoad(_ *starlark.Thread, module string) (starlark.StringDict, error) {
	return nil, fmt.Errorf("load: no modules in a fuzz run (%s)", module)
}

// lockedBuffer is a bytes.Buffer safe for a logger written from any goroutine.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (b *lockedBuffer) Write(p []byte) (int, error) {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.Write(p)
}

func (b *lockedBuffer) String() string {
	b.mu.Lock()
	defer b.mu.Unlock()
	return b.b.String()
}

// fuzzRun runs src as the fuzz targets do and fails t if the run panics
// (also a panic the runtime recovered and logged: no host function is
// given, so every logged panic is the runtime's own), outlives its deadline
// by more than fuzzMargin, or leaves a goroutine after Close.
func fuzzRun(t *testing.T, src string) {
	t.Helper()
	leakOpt := goleak.IgnoreCurrent()
	var logged lockedBuffer
	it := interp.New(interp.Options{
		Stdout:      io.Discard,
		Stderr:      io.Discard,
		VirtualTime: true,
		MaxSteps:    fuzzMaxSteps,
		MaxMemory:   fuzzMaxMemory,
		Load:        noLoad,
		Logger:      log.New(&logged, "", 0),
	})
	ctx, cancel := context.WithTimeout(context.Background(), fuzzDeadline)
	defer cancel()

	type outcome struct {
		err   error
		panic any
		stack []byte
	}
	done := make(chan outcome, 1)
	start := time.Now()
	go func() {
		var o outcome
		defer func() {
			if r := recover(); r != nil {
				o.panic, o.stack = r, debug.Stack()
			}
			done <- o
		}()
		_, o.err = it.ExecFile(ctx, "fuzz.star", src)
		it.Close()
	}()
	var o outcome
	select {
	case o = <-done:
	case <-time.After(fuzzDeadline + fuzzMargin):
		t.Fatalf("the run has not returned %v after it started (deadline %v); goroutines:\n%s", time.Since(start).Round(time.Millisecond), fuzzDeadline, allStacks())
	}
	if o.panic != nil {
		t.Fatalf("panic: %v\n%s", o.panic, o.stack)
	}
	if s := logged.String(); s != "" {
		t.Fatalf("the runtime recovered a panic (error: %v):\n%s", o.err, s)
	}
	if err := goleak.Find(leakOpt); err != nil {
		t.Fatalf("goroutines left after Close: %v", err)
	}
	if o.err != nil && errors.Is(o.err, context.DeadlineExceeded) {
		// Not a failure (the deadline is one of the bounds), but a sign of
		// a step-free loop worth a look when it shows in -v output.
		t.Logf("stopped by the %v deadline after %v: %v", fuzzDeadline, time.Since(start).Round(time.Millisecond), o.err)
	}
}

// allStacks returns the stacks of all goroutines.
func allStacks() []byte {
	buf := make([]byte, 1<<20)
	for {
		n := runtime.Stack(buf, true)
		if n < len(buf) {
			return buf[:n]
		}
		buf = make([]byte, 2*len(buf))
	}
}
