package interp

import (
	"context"
	"errors"
	"sync"
	"time"

	"github.com/asyncrun/asyncrun/builtins"
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

// hostState is the loop's life as submissions see it.
type hostState struct {
	mu      sync.Mutex
	running bool // RunForever runs the loop
	stopped bool // RunForever ran and returned
	closed  bool
	pending map[*builtins.Submission]struct{}
	// exec is held by whoever runs the loop on their own goroutine:
	// RunForever, or ExecFile, ExecChunk and Call when RunForever does not
	// run. They take turns.
	exec sync.Mutex
}

// runHere runs fn, which runs the loop on the calling goroutine, when it is
// this goroutine's turn (see exec); hosted, if not nil, is called instead
// when RunForever runs the loop by then.
func (h *hostState) runHere(fn func() error, hosted func() error) error {
	h.exec.Lock()
	h.mu.Lock()
	closed, running := h.closed, h.running
	h.mu.Unlock()
	if closed || running {
		// RunForever waits for exec: let go of it before waiting on the loop.
		h.exec.Unlock()
		switch {
		case closed:
			return ErrClosed
		case hosted != nil:
			return hosted()
		}
		return errors.New("interp: the event loop runs on another goroutine (RunForever)")
	}
	defer h.exec.Unlock()
	return fn()
}

// hosted reports whether RunForever runs the loop.
func (h *hostState) hosted() bool {
	h.mu.Lock()
	defer h.mu.Unlock()
	return h.running
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

// RunForever runs the interpreter's event loop until ctx is done or Stop is
// called. It returns nil when stopped, or ctx's error. It fails with
// ErrClosed after Close, and with an error while other code of the
// interpreter runs the loop (ExecFile, say).
func (it *Interp) RunForever(ctx context.Context) error {
	h := &it.host
	h.mu.Lock()
	if h.closed || h.running {
		h.mu.Unlock()
		if h.closed {
			return ErrClosed
		}
		return errors.New("interp: RunForever: the event loop is running already")
	}
	h.running, h.stopped = true, false
	h.mu.Unlock()
	defer func() {
		h.mu.Lock()
		h.running, h.stopped = false, true
		h.mu.Unlock()
	}()
	stop := context.AfterFunc(ctx, it.rt.StopThreadsafe)
	defer stop()
	// Code running the loop on its own goroutine (a Call made before
	// RunForever) ends first; meanwhile new work queues for this run.
	h.exec.Lock()
	defer h.exec.Unlock()
	if err := it.rt.RunHosted(); err != nil {
		return &Error{err: err}
	}
	return ctx.Err()
}

// Stop asks RunForever to return; it may be called from any goroutine.
func (it *Interp) Stop() { it.rt.StopThreadsafe() }

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
	})
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
	v, err := it.submit(ctx, builtins.Code{Name: "<stdin>", Fn: func(th *starlark.Thread) (starlark.Value, error) {
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
// and waits for it; cancelling ctx interrupts it as Ctrl-C does.
func (it *Interp) submit(ctx context.Context, c builtins.Code) (starlark.Value, error) {
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

// Done reports whether the task has finished.
func (f *Future) Done() bool {
	select {
	case <-f.s.Done():
		return true
	default:
		return false
	}
}
