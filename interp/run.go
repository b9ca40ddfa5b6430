package interp

import (
	"context"
	"fmt"
	"sync"
	"time"

	"github.com/asyncrun/asyncrun/internal/builtins"
)

// Runs and how they end. A run is a call of ExecFile, Exec or Call: its
// code runs on the caller's goroutine (the loop runs there while it
// awaits) or, while RunForever runs, as a task of the hosted loop. Each run
// is registered while it runs, so that its context, Close and the memory
// limit can stop it, and stopping it stops nothing else:
//   - its context ends: the run's task is cancelled (CancelledError in an
//     await_, KeyboardInterrupt in CPU-bound code, as Ctrl-C does); if the
//     run has not returned after Options.CancelGrace, it is aborted: every
//     step of its code fails with an error no try_ catches;
//   - Close: the same, with ErrClosed as the cause;
//   - the memory limit: the run is aborted at once.
//
// A run on the caller's goroutine owns the loop while it runs: aborting it
// aborts all script code of the interpreter until the run returns. A run on
// the hosted loop is aborted alone (builtins.RunAbort), with the tasks it
// created.

// DefaultCancelGrace is the grace period of Options.CancelGrace 0.
const DefaultCancelGrace = 100 * time.Millisecond

func (it *Interp) cancelGrace() time.Duration {
	if it.opts.CancelGrace > 0 {
		return it.opts.CancelGrace
	}
	return DefaultCancelGrace
}

// run is a run in flight.
type run struct {
	it   *Interp
	here bool                 // on the caller's goroutine
	ra   builtins.RunAbort    // its tasks (Code.Context carries it)
	sub  *builtins.Submission // hosted, once submitted
	done chan struct{}        // made by the first to wait (see wait)

	mu     sync.Mutex
	ended  bool
	lift   func() // lifts the runtime-wide abort of a run here
	shutIO bool   // aborting the run closes the I/O of the runtime (ExecFile)
	ioDown bool   // it did: see execHere
}

// startRun registers a run; it fails with ErrClosed once Close began, and
// for a run on the hosted loop once RunForever has returned.
func (it *Interp) startRun(here bool) (*run, error) {
	r := &run{it: it, here: here}
	h := &it.host
	h.mu.Lock()
	defer h.mu.Unlock()
	if h.closed || (!here && h.stopped) {
		return nil, ErrClosed
	}
	if h.runs == nil {
		h.runs = make(map[*run]struct{})
	}
	h.runs[r] = struct{}{}
	return r, nil
}

// end unregisters the run and lifts its abort.
func (r *run) end() {
	h := &r.it.host
	h.mu.Lock()
	delete(h.runs, r)
	h.mu.Unlock()
	r.mu.Lock()
	r.ended = true
	if r.lift != nil {
		r.lift()
	}
	if r.done != nil {
		close(r.done)
	}
	r.mu.Unlock()
}

// wait returns a channel closed when the run has returned.
func (r *run) wait() <-chan struct{} {
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.done == nil {
		r.done = make(chan struct{})
		if r.ended {
			close(r.done)
		}
	}
	return r.done
}

// cancel asks the run to stop, as Ctrl-C does.
func (r *run) cancel() {
	r.mu.Lock()
	s := r.sub
	r.mu.Unlock()
	if s != nil {
		s.Interrupt()
	}
	r.ra.Interrupt()
}

// abort stops the run's code for good, with cause.
func (r *run) abort(cause error) {
	r.ra.Abort(cause)
	if !r.here {
		return
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	if !r.ended && r.lift == nil {
		r.lift = r.it.rt.AbortRun(cause)
		if r.shutIO {
			r.it.rt.ShutdownIO()
			r.ioDown = true
		}
	}
}

// bound stops the run when ctx ends: cancel at once, abort after the grace
// period (at once when abortNow). It returns a function that ends the
// bound, to call when the run returns.
func (r *run) bound(ctx context.Context, abortNow bool) (stop func()) {
	if ctx.Done() == nil {
		return func() {} // a context that never ends
	}
	var t *time.Timer
	var mu sync.Mutex
	stopped := false
	stopCtx := context.AfterFunc(ctx, func() {
		cause := context.Cause(ctx)
		if abortNow {
			r.abort(cause)
			return
		}
		r.cancel()
		mu.Lock()
		defer mu.Unlock()
		if !stopped {
			t = time.AfterFunc(r.it.cancelGrace(), func() { r.abort(cause) })
		}
	})
	return func() {
		stopCtx()
		mu.Lock()
		stopped = true
		if t != nil {
			t.Stop()
		}
		mu.Unlock()
	}
}

// runs returns the runs in flight.
func (h *hostState) inFlight() []*run {
	h.mu.Lock()
	defer h.mu.Unlock()
	rs := make([]*run, 0, len(h.runs))
	for r := range h.runs {
		rs = append(rs, r)
	}
	return rs
}

// waitRuns waits until the runs have returned, or until the timer fires
// or ctx ends; it reports whether they all returned.
func waitRuns(ctx context.Context, rs []*run, timeout <-chan time.Time) bool {
	for _, r := range rs {
		select {
		case <-r.wait():
		case <-timeout:
			return false
		case <-ctx.Done():
			return false
		}
	}
	return true
}

// stopAll stops what runs for Close: the runs in flight are cancelled,
// then aborted after the grace period, and RunForever is stopped (the
// loop aborted if it does not stop in the grace period). It reports
// whether everything returned before ctx ended.
func (it *Interp) stopAll(ctx context.Context) bool {
	h := &it.host
	h.mu.Lock()
	forever := h.forever
	h.mu.Unlock()
	// The runs that can end: those here, and those of the hosted loop if
	// it runs (the others are abandoned when the loop closes).
	var rs []*run
	for _, r := range h.inFlight() {
		if r.here || forever != nil {
			rs = append(rs, r)
		}
	}
	grace := it.cancelGrace()
	for _, r := range rs {
		r.cancel()
	}
	timer := time.NewTimer(grace)
	defer timer.Stop()
	if !waitRuns(ctx, rs, timer.C) {
		for _, r := range rs {
			r.abort(ErrClosed)
		}
		it.rt.AbortRun(ErrClosed) // never lifted: the interpreter closes
	}
	it.Stop()
	if forever != nil {
		timer.Reset(grace)
		select {
		case <-forever:
		case <-timer.C:
			it.rt.AbortRun(ErrClosed)
		case <-ctx.Done():
		}
	}
	var here []*run
	for _, r := range rs {
		if r.here {
			here = append(here, r)
		}
	}
	if !waitRuns(ctx, here, nil) {
		return false
	}
	if forever != nil {
		select {
		case <-forever:
		case <-ctx.Done():
			return false
		}
	}
	// Wait for whoever has the turn to run the loop to let go of it.
	for {
		h.mu.Lock()
		busy, idle := h.busy, h.idle
		h.mu.Unlock()
		if !busy {
			return true
		}
		select {
		case <-idle:
		case <-ctx.Done():
			return false
		}
	}
}

// closeContext is CloseContext.
func (it *Interp) closeContext(ctx context.Context) error {
	h := &it.host
	h.mu.Lock()
	if h.closed {
		h.mu.Unlock()
		return nil
	}
	h.closed = true
	h.mu.Unlock()
	if !it.stopAll(ctx) {
		it.hostCancel()
		it.stopMemoryLimit()
		return ctx.Err()
	}
	h.mu.Lock()
	pending := make([]*builtins.Submission, 0, len(h.pending)+len(h.runs))
	for s := range h.pending {
		pending = append(pending, s)
	}
	for r := range h.runs {
		r.mu.Lock()
		if r.sub != nil {
			pending = append(pending, r.sub)
		}
		r.mu.Unlock()
	}
	h.mu.Unlock()
	it.hostCancel()
	done := make(chan struct{})
	go func() {
		it.hostWG.Wait()
		close(done)
	}()
	err := it.rt.CloseIO(ctx)
	select {
	case <-done:
	case <-ctx.Done():
		err = ctx.Err()
	}
	it.stopMemoryLimit()
	it.rt.Close()
	for _, s := range pending {
		s.Abandon(ErrClosed)
	}
	if terr := it.rt.CloseTrace(); err == nil && terr != nil {
		err = fmt.Errorf("interp: writing the trace: %w", terr)
	}
	return err
}
