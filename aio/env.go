package aio

import (
	"context"
	"io"
	"sync"

	"github.com/asyncrun/asyncrun/loop"
)

// Config sets up an Env.
type Config struct {
	Perm Permissions
	// Stdin is what a child process given stdin=None reads; nil means
	// nothing (/dev/null). An *os.File is handed to the child as it is.
	Stdin io.Reader
	// Stdout and Stderr receive the output of a child process given
	// stdout=None or stderr=None; nil means io.Discard. An *os.File is
	// handed to the child as it is; any other writer gets the output from
	// a goroutine, so it must be safe to use concurrently with the
	// interpreter's own writes (see LockedWriter).
	Stdout, Stderr io.Writer
	// MaxProcesses bounds the live child processes (started and not yet
	// reaped): starting one more is OSError EAGAIN. 0 means
	// DefaultMaxProcesses; a negative value, no bound.
	MaxProcesses int
}

// Env is the I/O of one interpreter: its permissions, what its child
// processes inherit, and every connection, listener, process and file its
// scripts opened, so that Close leaves nothing behind. Its methods may be
// called from any goroutine.
type Env struct {
	cfg    Config
	ctx    context.Context // ends at Shutdown: dials and process starts in flight stop
	cancel context.CancelFunc

	read, write *grants // cfg.Perm.Read and Write, with their roots (see roots.go)
	opens       openSet // the opens in flight (see InterruptOpens)

	mu     sync.Mutex
	closed bool
	res    map[resource]struct{}
	wg     sync.WaitGroup // the goroutines of the resources
	procs  procTable      // the bound on children, and their process groups
}

// resource is something an Env closes at Shutdown: shutdown closes its
// descriptors and kills its process, from any goroutine, so that its
// goroutines end.
type resource interface{ shutdown() }

// NewEnv returns an Env with the given configuration.
func NewEnv(cfg Config) *Env {
	if cfg.Stdout == nil {
		cfg.Stdout = io.Discard
	}
	if cfg.Stderr == nil {
		cfg.Stderr = io.Discard
	}
	e := &Env{cfg: cfg, res: make(map[resource]struct{}), read: newGrants(cfg.Perm.Read), write: newGrants(cfg.Perm.Write)}
	e.procs.max = cfg.MaxProcesses
	if e.procs.max == 0 {
		e.procs.max = DefaultMaxProcesses
	}
	e.ctx, e.cancel = context.WithCancel(context.Background())
	return e
}

// Perm returns the Env's permissions.
func (e *Env) Perm() *Permissions { return &e.cfg.Perm }

// Shutdown closes every connection, listener and file of the Env and
// kills every child process (with its process group); operations in
// flight end, and new ones fail with ErrClosed. It does not wait for the
// Env's goroutines: see Close.
func (e *Env) Shutdown() {
	e.mu.Lock()
	if e.closed {
		e.mu.Unlock()
		return
	}
	e.closed = true
	res := e.res
	e.res = nil
	e.mu.Unlock()
	e.cancel()
	for r := range res {
		r.shutdown()
	}
	e.procs.shutdown()
}

// Close shuts the Env down (see Shutdown) and waits until its goroutines
// have ended and its child processes are reaped, or until ctx is done
// (then it returns ctx's error).
func (e *Env) Close(ctx context.Context) error {
	e.Shutdown()
	done := make(chan struct{})
	go func() {
		e.wg.Wait()
		e.read.close() // after the opens in flight, which may need them to unblock
		e.write.close()
		close(done)
	}()
	select {
	case <-done:
		return nil
	case <-ctx.Done():
		return ctx.Err()
	}
}

// add registers r, to be shut down with the Env; it fails with ErrClosed
// once the Env is shut down.
func (e *Env) add(r resource) error {
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.closed {
		return ErrClosed
	}
	e.res[r] = struct{}{}
	return nil
}

// remove forgets r: it was closed.
func (e *Env) remove(r resource) {
	e.mu.Lock()
	delete(e.res, r)
	e.mu.Unlock()
}

// spawn runs fn on a goroutine Close waits for; it reports false (and
// does not run fn) once the Env is shut down.
func (e *Env) spawn(fn func()) bool {
	e.mu.Lock()
	defer e.mu.Unlock()
	if e.closed {
		return false
	}
	e.wg.Add(1)
	go func() {
		defer e.wg.Done()
		fn()
	}()
	return true
}

// post runs fn on the goroutine acting for l; it reports false when l is
// closed.
func post(l *loop.Loop, fn func()) bool {
	_, err := l.CallSoonThreadsafe(fn)
	return err == nil
}

// awaitIO suspends t until f, a future that a goroutine of this package
// completes, is done; meanwhile the loop counts it as outside work (no
// deadlock is reported, virtual time does not jump).
func awaitIO(t *loop.Task, f *loop.Future) (any, error) {
	l := f.Loop()
	l.AddExternal()
	defer l.DoneExternal()
	return t.Await(f)
}

// off runs fn, blocking work, on a goroutine of the Env and suspends t
// until it returns, counting it as outside work. fn's context ends when t
// stops waiting (it was cancelled) or the Env shuts down; a value fn
// returns that nobody takes then is given to discard (to close it), if
// not nil.
func (e *Env) off(t *loop.Task, fn func(ctx context.Context) (any, error), discard func(any)) (any, error) {
	l := t.Loop()
	f := loop.NewFuture(l)
	ctx, cancel := context.WithCancel(e.ctx)
	l.AddExternal()
	ok := e.spawn(func() {
		defer l.DoneExternal()
		defer cancel()
		v, err := fn(ctx)
		taken := post(l, func() {
			if f.Done() {
				if err == nil && discard != nil {
					discard(v)
				}
				return
			}
			if err != nil {
				f.SetException(err)
			} else {
				f.SetResult(v)
			}
		})
		if !taken && err == nil && discard != nil {
			discard(v)
		}
	})
	if !ok {
		l.DoneExternal()
		cancel()
		return nil, ErrClosed
	}
	v, err := t.Await(f)
	if !f.Done() || f.Cancelled() {
		cancel()
	}
	return v, err
}

// LockedWriter is a writer safe for concurrent use: each Write holds a
// lock. An interpreter's standard streams are wrapped in one when child
// processes write to them from goroutines of their own.
type LockedWriter struct {
	mu sync.Mutex
	W  io.Writer
}

// Write writes p to W under the lock.
func (w *LockedWriter) Write(p []byte) (int, error) {
	w.mu.Lock()
	defer w.mu.Unlock()
	return w.W.Write(p)
}
