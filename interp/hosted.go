package interp

import (
	"context"
	"errors"
	"sync"
	"time"

	"github.com/asyncrun/asyncrun/internal/builtins"
	"github.com/asyncrun/asyncrun/internal/pyfmt"
	"go.starlark.net/starlark"
	"go.starlark.net/syntax"
)

// A hosted loop. A host that keeps an interpreter alive runs its event loop
// with RunForever on one goroutine and hands it work from others:
// RunCoroutineThreadsafe and CallSoonThreadsafe (asyncio's), OnLoop (Go
// code) and ExecChunkThreadsafe (top-level code, as at a prompt). While
// RunForever runs, script code runs only on the loop, so no lock is needed
// around script values; the REPL is one such host.
//
// In top-level code submitted with ExecChunkThreadsafe, await_ suspends the
// chunk's task, and so do loop.run_until_complete(x) (it awaits x),
// loop.run_forever() (it waits for loop.stop()) and asyncio.run(coro) (it
// runs coro as a task and awaits it); loop.stop() and loop.close() leave the
// hosted loop running: the host stops it.

// The loop's life, for submissions from other goroutines: before RunForever
// first runs, and while it runs, work submitted is queued in the loop's
// inbox (it runs when the loop does); once RunForever has returned, or the
// interpreter is closed, submitting fails at once with ErrClosed, and work
// still queued when the interpreter closes fails with ErrClosed too.
//
// Starting is race-free: Call, Stop and Close behave the same whether they
// come before RunForever is called, while it starts or while it runs, so a
// host may use the interpreter as soon as `go it.RunForever(ctx)` is
// written, with no readiness signal.

// hostState is the loop's life as submissions see it.
type hostState struct {
	mu      sync.Mutex
	running bool // RunForever was called and has not returned
	serving bool // RunForever has the turn: its loop runs or is about to
	stopped bool // RunForever ran and returned
	closed  bool
	stopReq bool          // Stop was called while RunForever was not serving
	forever chan struct{} // closed when the running RunForever returns
	pending map[*builtins.Submission]struct{}
	runs    map[*run]struct{} // see run
	// busy is the turn to run the loop on one's own goroutine: RunForever,
	// or ExecFile, ExecChunk and Call when RunForever does not run. They
	// take turns; idle is closed when the turn is given back.
	busy bool
	idle chan struct{}
	// exec is held by whoever has the turn (see DumpTasks).
	exec sync.Mutex
}

// takeTurn waits, with h.mu held, until the turn is free and takes it; it
// gives up (false) when stop says so or ctx ends. h.mu is held again when
// it returns.
func (h *hostState) takeTurn(ctx context.Context, stop func() bool) bool {
	for h.busy {
		if stop() {
			return false
		}
		idle := h.idle
		h.mu.Unlock()
		select {
		case <-idle:
		case <-ctx.Done():
			h.mu.Lock()
			return false
		}
		h.mu.Lock()
	}
	if stop() {
		return false
	}
	h.busy, h.idle = true, make(chan struct{})
	return true
}

// giveTurn gives the turn back.
func (h *hostState) giveTurn() {
	h.mu.Lock()
	h.busy = false
	close(h.idle)
	h.mu.Unlock()
}

// runHere runs fn, which runs the loop on the calling goroutine, when it is
// this goroutine's turn; hosted, if not nil, is called instead when
// RunForever runs the loop (or is about to): it is where "is the loop
// hosted?" is decided, once. Waiting for the turn ends with ctx. It returns
// the value and error of the one it called.
func (h *hostState) runHere(ctx context.Context, fn func() (starlark.Value, error), hosted func() (starlark.Value, error)) (starlark.Value, error) {
	h.mu.Lock()
	ok := h.takeTurn(ctx, func() bool { return h.closed || h.running })
	closed, running := h.closed, h.running
	h.mu.Unlock()
	if !ok {
		switch {
		case closed:
			return nil, ErrClosed
		case running && hosted != nil:
			return hosted()
		case running:
			return nil, errors.New("interp: the event loop runs on another goroutine (RunForever)")
		}
		return nil, &Error{err: context.Cause(ctx), ctxErr: context.Cause(ctx)}
	}
	h.exec.Lock()
	defer h.giveTurn()
	defer h.exec.Unlock()
	return fn()
}

// accepting reports whether work submitted now can run: the loop runs, or
// will when RunForever is called.
func (h *hostState) accepting() bool {
	h.mu.Lock()
	defer h.mu.Unlock()
	return !h.closed && !h.stopped
}

// track records a submission until it is done, to fail it with ErrClosed
// if the interpreter closes first.
func (it *Interp) track(s *builtins.Submission) *builtins.Submission {
	h := &it.host
	h.mu.Lock()
	if h.pending == nil {
		h.pending = make(map[*builtins.Submission]struct{})
	}
	h.pending[s] = struct{}{}
	h.mu.Unlock()
	go func() {
		<-s.Done()
		h.mu.Lock()
		delete(h.pending, s)
		h.mu.Unlock()
	}()
	return s
}

// RunForever runs the interpreter's event loop until ctx is done, Stop is
// called or the interpreter is closed. It returns nil when stopped, or
// ctx's error. It fails with ErrClosed after Close, and with an error while
// another RunForever runs. Code running the loop on its own goroutine when
// it is called (a Call made before) finishes first; meanwhile new work
// queues for this run.
//
// Work may be submitted (Call, RunCoroutineThreadsafe, ...) and Stop or
// Close called at any time, even before RunForever is called: work waits
// in the loop's inbox, and a Stop made while no RunForever serves makes the
// next one return at once.
func (it *Interp) RunForever(ctx context.Context) error {
	h := &it.host
	h.mu.Lock()
	if h.closed || h.running {
		closed := h.closed
		h.mu.Unlock()
		if closed {
			return ErrClosed
		}
		return errors.New("interp: RunForever: the event loop is running already")
	}
	h.running, h.stopped = true, false
	forever := make(chan struct{})
	h.forever = forever
	ok := h.takeTurn(context.Background(), func() bool { return h.closed || h.stopReq || ctx.Err() != nil })
	h.serving = ok
	h.stopReq = false
	closed := h.closed
	h.mu.Unlock()
	defer func() {
		h.mu.Lock()
		h.running, h.serving, h.stopped = false, false, true
		h.forever = nil
		h.mu.Unlock()
		close(forever)
	}()
	if !ok {
		if closed {
			return ErrClosed
		}
		return ctx.Err()
	}
	defer h.giveTurn()
	h.exec.Lock()
	defer h.exec.Unlock()
	stop := context.AfterFunc(ctx, it.rt.StopThreadsafe)
	defer stop()
	if err := it.rt.RunHosted(); err != nil {
		return &Error{err: err}
	}
	return ctx.Err()
}

// Stop asks RunForever to return; it may be called from any goroutine.
// Called while no RunForever serves (before it is called, or while it
// starts), it makes the next RunForever return at once.
func (it *Interp) Stop() {
	h := &it.host
	h.mu.Lock()
	serving := h.serving
	if !serving {
		h.stopReq = true
	}
	h.mu.Unlock()
	if serving {
		it.rt.StopThreadsafe()
	}
}

// CallSoonThreadsafe schedules fn(args...) on the interpreter's loop; it may
// be called from any goroutine. The arguments are frozen. An exception fn
// raises is reported on stderr. It fails with ErrClosed once the loop is
// stopped or closed.
func (it *Interp) CallSoonThreadsafe(fn starlark.Callable, args ...starlark.Value) error {
	if !it.host.accepting() || it.rt.CallThreadsafe(fn, args) != nil {
		return ErrClosed
	}
	return nil
}

// OnLoop schedules a Go function on the interpreter's loop, to read or
// change script values safely while RunForever runs; it may be called from
// any goroutine. It fails with ErrClosed once the loop is stopped or closed.
func (it *Interp) OnLoop(fn func()) error {
	if !it.host.accepting() || it.rt.OnLoopThreadsafe(fn) != nil {
		return ErrClosed
	}
	return nil
}

// RunCoroutineThreadsafe calls fn(args...) on the interpreter's loop and runs
// the coroutine it returns as a task, like asyncio.run_coroutine_threadsafe;
// it may be called from any goroutine. The arguments are frozen. Wait for
// the outcome with Result. It fails with ErrClosed once the loop is stopped
// or closed.
func (it *Interp) RunCoroutineThreadsafe(fn starlark.Callable, args ...starlark.Value) (*Future, error) {
	if !it.host.accepting() {
		return nil, ErrClosed
	}
	return &Future{s: it.track(it.rt.SubmitCall(fn, args))}, nil
}

// ExecChunk runs a parsed chunk of top-level code (see FileOptions) on
// the calling goroutine, with globals, which it reads and updates, as a
// prompt does; await_ in it runs the loop. It returns the repr of the
// chunk's value when the chunk is a sole expression statement with a value
// other than None (else ""). Cancelling ctx interrupts the chunk; the error
// then wraps ctx's cause. No loop of the interpreter may be running.
func (it *Interp) ExecChunk(ctx context.Context, f *syntax.File, globals starlark.StringDict) (string, error) {
	var repr string
	err := it.execHere(ctx, "main", func(th *starlark.Thread) error {
		var err error
		repr, err = runChunk(th, f, globals)
		return err
	}, nil)
	return repr, err
}

// ExecChunkThreadsafe is ExecChunk for a loop that RunForever runs: the
// chunk runs as a task of the loop, and waits in its inbox until the loop
// runs; it may be called from any goroutine. In the chunk, await_ suspends
// its task, like a top-level await in `python -m asyncio`. Cancelling ctx
// interrupts the chunk as Ctrl-C does at a prompt: CPU-bound code stops at
// its next step and an await_ gets a CancelledError; the error then wraps
// ctx's error. A chunk whose ctx is cancelled before it starts does not
// run. ExecChunkThreadsafe returns as soon as the chunk's code is done, even
// if a task it started keeps the loop busy.
func (it *Interp) ExecChunkThreadsafe(ctx context.Context, f *syntax.File, globals starlark.StringDict) (string, error) {
	v, err := it.submitChunk(ctx, builtins.Code{Name: "<stdin>", Fn: func(th *starlark.Thread) (starlark.Value, error) {
		repr, err := runChunk(th, f, globals)
		return starlark.String(repr), err
	}})
	if err != nil {
		return "", err
	}
	repr, _ := starlark.AsString(v)
	return repr, nil
}

// submit runs c as a task of the loop that RunForever runs (or will run)
// and waits for it; cancelling ctx interrupts it as Ctrl-C does, and aborts
// it after the grace period if it goes on (see run). A run cut off by
// Close fails with an error wrapping ErrClosed.
func (it *Interp) submit(ctx context.Context, c builtins.Code) (starlark.Value, error) {
	r, err := it.startRun(false)
	if err != nil {
		return nil, err
	}
	defer r.end()
	gctx := c.Context
	if gctx == nil {
		gctx = ctx
	}
	c.Context = r.ra.Context(gctx)
	s := it.rt.SubmitCode(c) // abandoned by Close if the loop closes first
	r.mu.Lock()
	r.sub = s
	r.mu.Unlock()
	stop := r.bound(ctx, false)
	defer stop()
	select {
	case <-s.Done():
	case <-ctx.Done():
		// Cancelled, then aborted after the grace period (see bound): the
		// task is done by then unless the loop is kept busy by other code.
		t := time.NewTimer(2 * it.cancelGrace())
		select {
		case <-s.Done():
		case <-t.C:
		}
		t.Stop()
		return nil, it.wrapErr(ctx, context.Cause(ctx))
	}
	v, err := s.Result()
	if err != nil {
		return nil, it.wrapErr(ctx, it.closedErr(err))
	}
	return v, nil
}

// submitChunk runs c, a chunk of a prompt, as a task of the loop that
// RunForever runs (or will run) and waits for it; cancelling ctx
// interrupts it as Ctrl-C does.
func (it *Interp) submitChunk(ctx context.Context, c builtins.Code) (starlark.Value, error) {
	if !it.host.accepting() {
		return nil, ErrClosed
	}
	s := it.track(it.rt.SubmitCode(c))
	stop := context.AfterFunc(ctx, s.Interrupt)
	defer stop()
	<-s.Done()
	v, err := s.Result()
	if err != nil {
		return nil, it.wrapErr(ctx, err)
	}
	return v, nil
}

// closedErr wraps ErrClosed around the error of a run the closing of the
// interpreter cut off.
func (it *Interp) closedErr(err error) error {
	it.host.mu.Lock()
	closed := it.host.closed
	it.host.mu.Unlock()
	if closed && !errors.Is(err, ErrClosed) {
		return &Error{err: err, ctxErr: ErrClosed}
	}
	return err
}

// runChunk runs a chunk on thread and returns the repr of its value (see
// ExecChunk), formatted here, on the loop: other goroutines must not read
// values the loop may change.
func runChunk(th *starlark.Thread, f *syntax.File, globals starlark.StringDict) (string, error) {
	if len(f.Stmts) == 1 {
		if es, ok := f.Stmts[0].(*syntax.ExprStmt); ok {
			v, err := starlark.EvalExprOptions(f.Options, th, es.X, globals)
			if err != nil || v == starlark.None {
				return "", err
			}
			return pyfmt.Repr(v), nil
		}
	}
	return "", starlark.ExecREPLChunk(f, th, globals)
}

// CancelTasks cancels every pending task of the interpreter's loop and
// waits, up to the timeout, for them to finish (their cleanup may await);
// it may be called from any goroutine while RunForever runs.
func (it *Interp) CancelTasks(timeout time.Duration) { it.rt.CancelAllThreadsafe(timeout) }

// Future is the outcome of work submitted to a running interpreter (see
// RunCoroutineThreadsafe), usable from any goroutine.
type Future struct {
	s *builtins.Submission
}

// Result waits for the task and returns its result or its error
// (errors.As finds an *Exception for a script exception). If ctx ends
// first, the task is cancelled and Result returns ctx's error.
func (f *Future) Result(ctx context.Context) (starlark.Value, error) {
	select {
	case <-f.s.Done():
	case <-ctx.Done():
		f.s.Cancel()
		return nil, ctx.Err()
	}
	v, err := f.s.Result()
	if err != nil {
		return nil, &Error{err: err}
	}
	return v, nil
}

// Cancel cancels the task; it reports whether the cancellation was
// requested before the task finished.
func (f *Future) Cancel() bool { return f.s.Cancel() }

// Done reports whether the task has finished: its done callbacks have
// run, so DumpTasks no longer shows it.
func (f *Future) Done() bool {
	select {
	case <-f.s.Finished():
		return true
	default:
		return false
	}
}
