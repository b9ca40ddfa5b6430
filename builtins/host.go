package builtins

import (
	"context"
	"fmt"
	"runtime/debug"
	"time"

	"github.com/asyncrun/asyncrun/loop"
	"go.starlark.net/starlark"
	"go.starlark.net/syntax"
)

// HostFunc is a blocking Go function that scripts call asynchronously (see
// AsyncFunc). It runs on a goroutine of its own, off the loop; ctx is
// cancelled when the awaiting task (or the future) is cancelled and when the
// interpreter closes, and the function should return soon after. Its
// arguments are frozen, so reading them is safe; it must not touch other
// script values.
type HostFunc func(ctx context.Context, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error)

// AsyncFunc exposes fn to scripts as name(...): each call starts fn on its
// own goroutine and returns a Future, so scripts write
// result = await_(name(...)). The call counts as pending work of the loop
// while it runs. A returned error becomes an Exception ("name: error", or
// the error itself if it is an *Exception); a panic becomes a RuntimeError.
// The future is resolved through the loop's thread-safe inbox.
func AsyncFunc(name string, fn HostFunc) *starlark.Builtin {
	return starlark.NewBuiltin(name, func(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		rt := rtOf(thread)
		lv, err := rt.loopFor(thread, nil)
		if err != nil {
			return nil, err
		}
		if lv.l.IsClosed() {
			return nil, newExc(exc.RuntimeError, "%s: Event loop is closed", name)
		}
		args.Freeze()
		for _, kv := range kwargs {
			kv.Freeze()
		}
		f := loop.NewFuture(lv.l)
		fv := rt.wrapFuture(f)
		ctx, cancel := context.WithCancel(rt.hostCtx)
		f.AddDoneCallback(func(*loop.Future) { cancel() }, nil)
		lv.l.AddExternal()
		rt.hostWG.Add(1)
		go func() {
			defer rt.hostWG.Done()
			defer lv.l.DoneExternal()
			v, err := rt.callHost(ctx, name, fn, args, kwargs)
			cancel()
			lv.l.CallSoonThreadsafe(func() {
				if f.Done() {
					return
				}
				if err != nil {
					f.SetException(err)
				} else {
					f.SetResult(v)
				}
			})
		}()
		return fv, nil
	})
}

// callHost runs fn within the runtime's bound on concurrent host calls,
// turning errors and panics into exceptions.
func (rt *Runtime) callHost(ctx context.Context, name string, fn HostFunc, args starlark.Tuple, kwargs []starlark.Tuple) (v starlark.Value, err error) {
	if rt.hostSem != nil {
		select {
		case rt.hostSem <- struct{}{}:
			defer func() { <-rt.hostSem }()
		case <-ctx.Done():
			return nil, newExc(exc.CancelledError, "")
		}
	}
	defer func() {
		if r := recover(); r != nil {
			v, err = nil, newExc(exc.RuntimeError, "%s: host function panicked: %v\n%s", name, r, debug.Stack())
		}
	}()
	v, err = fn(ctx, args, kwargs)
	switch {
	case err != nil:
		if e, ok := err.(*Exception); ok {
			return nil, e
		}
		if ctx.Err() != nil {
			return nil, newExc(exc.CancelledError, "")
		}
		return nil, &Exception{typ: exc.Exception, args: msgArgs(name + ": " + err.Error()), Cause: err}
	case v == nil:
		return starlark.None, nil
	}
	return v, nil
}

// NewException returns an exception of the named Python type (BaseException,
// Exception, RuntimeError, ValueError, TypeError, KeyError,
// ZeroDivisionError, NotImplementedError, CancelledError, TimeoutError or
// InvalidStateError; anything else is Exception) with a message, for host
// functions that fail the way Python code would.
func NewException(typeName, msg string) *Exception {
	t := exc.Exception
	for _, c := range []*ExceptionType{exc.BaseException, exc.RuntimeError, exc.ValueError, exc.TypeError,
		exc.KeyError, exc.ZeroDivisionError, exc.NotImplementedError, exc.CancelledError,
		exc.TimeoutError, exc.InvalidStateError} {
		if c.name == typeName {
			t = c
		}
	}
	return &Exception{typ: t, args: msgArgs(msg)}
}

// RunForever runs the loop until Stop, as loop.run_forever() called from
// thread (a thread of NewThread that is not running script code).
func (lv *Loop) RunForever(thread *starlark.Thread) error {
	if err := lv.checkRun(); err != nil {
		return err
	}
	if err := lv.running(thread, lv.l.RunForever); err != nil {
		return toException(err)
	}
	return nil
}

// RunUntilComplete runs the loop until x (a coroutine, Future or Task) is
// done and returns its result, as loop.run_until_complete(x) called from
// thread.
func (lv *Loop) RunUntilComplete(thread *starlark.Thread, x starlark.Value) (starlark.Value, error) {
	if err := checkAwaitable(x); err != nil {
		return nil, err
	}
	return lv.runUntilComplete(thread, x)
}

// StopThreadsafe asks the loop to stop; it may be called from any goroutine.
func (lv *Loop) StopThreadsafe() {
	lv.l.CallSoonThreadsafe(lv.l.Stop)
}

// CallThreadsafe schedules fn(args...) as a callback of the loop; it may be
// called from any goroutine. An exception fn raises is reported on stderr.
func (lv *Loop) CallThreadsafe(fn starlark.Callable, args starlark.Tuple) error {
	args.Freeze()
	_, err := lv.l.CallSoonThreadsafe(func() { lv.call(fn, args) })
	return err
}

// GoThreadsafe schedules a Go function on the loop's goroutine; it may be
// called from any goroutine.
func (lv *Loop) GoThreadsafe(fn func()) error {
	_, err := lv.l.CallSoonThreadsafe(fn)
	return err
}

// SubmitThreadsafe calls fn(args...) on the loop, from any goroutine, and
// runs what it returns (a coroutine, or a Future) as a task, as
// asyncio.run_coroutine_threadsafe does. The concurrent future gets the
// outcome: a starlark.Value, or an error (an *Exception for script errors).
func (lv *Loop) SubmitThreadsafe(fn starlark.Callable, args starlark.Tuple) *loop.ConcurrentFuture {
	args.Freeze()
	return lv.l.RunCoroutineThreadsafe(func() (*loop.Future, error) {
		x, err := starlark.Call(lv.cbThread, fn, args, nil)
		if err != nil {
			return nil, toException(err)
		}
		f, err := lv.rt.ensureFuture(x, lv)
		if err != nil {
			return nil, err
		}
		return f.f, nil
	})
}

// Chunk is a piece of REPL input: a statement, a block, or an expression.
type Chunk struct {
	File *syntax.File
	Expr syntax.Expr // set when the chunk is a sole expression
}

// ExecChunkThreadsafe runs a REPL chunk as a task of the loop, with globals
// that persist between chunks; it may be called from any goroutine. Inside
// the chunk await_ suspends the task, like a top-level await in
// `python -m asyncio`. The concurrent future gets, as a starlark.String,
// the repr of an expression chunk's value (None for None and for
// statements) or the error. onStart, if not nil, is
// called on the loop with the task when it is created.
func (lv *Loop) ExecChunkThreadsafe(c Chunk, globals starlark.StringDict, onStart func(task *Future)) *loop.ConcurrentFuture {
	return lv.l.RunCoroutineThreadsafe(func() (*loop.Future, error) {
		coro := &Coroutine{name: "<stdin>", native: func(th *starlark.Thread, t *loop.Task) (starlark.Value, error) {
			if c.Expr != nil {
				// The value is formatted here, on the loop: the REPL's
				// goroutine must not read values the loop may change.
				v, err := starlark.EvalExprOptions(c.File.Options, th, c.Expr, globals)
				if err != nil || v == starlark.None {
					return starlark.None, err
				}
				return starlark.String(v.String()), nil
			}
			return starlark.None, starlark.ExecREPLChunk(c.File, th, globals)
		}}
		fv, err := lv.rt.newTask(lv, coro, "")
		if err != nil {
			return nil, err
		}
		fv.repl = true
		fv.f.Task().LogDestroyPending = false
		if onStart != nil {
			onStart(fv)
		}
		return fv.f, nil
	})
}

// Thread returns the thread a task runs on (nil before its first step).
// It may be called from any goroutine.
func (fv *Future) Thread() *starlark.Thread { return fv.threadPtr.Load() }

// ThreadsafeCancel asks, from any goroutine, for the task to be cancelled
// on its loop.
func (fv *Future) ThreadsafeCancel() {
	fv.f.Loop().CallSoonThreadsafe(func() { fv.f.Cancel("") })
}

// CancelAllThreadsafe cancels, from any goroutine, every pending task of
// the loop and waits for them to finish (their cleanup may await), up to
// the timeout.
func (lv *Loop) CancelAllThreadsafe(timeout time.Duration) {
	done := make(chan struct{})
	_, err := lv.l.CallSoonThreadsafe(func() {
		tasks := lv.l.Tasks()
		if len(tasks) == 0 {
			close(done)
			return
		}
		fs := make([]*loop.Future, len(tasks))
		for i, t := range tasks {
			t.Cancel("")
			fs[i] = &t.Future
		}
		loop.Gather(lv.l, fs, true).AddDoneCallback(func(*loop.Future) { close(done) }, nil)
	})
	if err != nil {
		return
	}
	select {
	case <-done:
	case <-time.After(timeout):
	}
}

// Cancel cancels the future or task, as fut.cancel().
func (fv *Future) Cancel() bool { return fv.f.Cancel("") }

var _ = fmt.Sprint
