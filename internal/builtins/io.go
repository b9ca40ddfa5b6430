package builtins

import (
	"context"
	"errors"
	"io"
	"os"

	"github.com/asyncrun/asyncrun/aio"
	"github.com/asyncrun/asyncrun/loop"
	"github.com/asyncrun/asyncrun/pyexc"
	"go.starlark.net/starlark"
)

// newIO makes the runtime's I/O (see package aio) with the permissions of
// its configuration. Child processes given stdout=None or stderr=None
// write to the runtime's streams from goroutines of their own, so a
// stream that is not a file is wrapped in a lock (one lock when stdout and
// stderr are the same writer).
func (rt *Runtime) newIO() *aio.Env {
	sameStreams := sameWriter(rt.stdout, rt.stderr)
	if _, isFile := rt.stdout.(*os.File); !isFile {
		rt.stdout = &aio.LockedWriter{W: rt.stdout}
	}
	if sameStreams {
		rt.stderr = rt.stdout
	} else if _, isFile := rt.stderr.(*os.File); !isFile {
		rt.stderr = &aio.LockedWriter{W: rt.stderr}
	}
	return aio.NewEnv(aio.Config{
		Perm:  rt.cfg.Perm,
		Stdin: rt.cfg.Stdin, Stdout: rt.stdout, Stderr: rt.stderr,
		MaxProcesses: rt.cfg.MaxProcesses,
	})
}

// sameWriter reports whether a and b are the same writer.
func sameWriter(a, b io.Writer) (same bool) {
	defer func() { recover() }() // writers of types that do not compare
	return a == b
}

// CloseIO closes the runtime's connections, servers and files, kills its
// child processes, and waits until they are reaped and the goroutines of
// its I/O have ended, or until ctx is done (it then returns ctx's error).
// It may be called from any goroutine.
func (rt *Runtime) CloseIO(ctx context.Context) error { return rt.io.Close(ctx) }

// The hooks of the I/O face (package streams) into the core.

// fileError is the exception of a failed file operation (see ioError),
// except when the run was stopped meanwhile (a limit, a timeout, a
// cancelled context: Interrupt closes the files, so a read in progress
// fails): then it is the error that stopped the run, as MemoryError for
// the memory limit, not the closed file's. An open() that Ctrl-C
// interrupted (see KeyboardInterruptRunning) raises KeyboardInterrupt.
func (rt *Runtime) fileError(err error) error {
	if err == nil {
		return nil
	}
	if a := rt.abort.Load(); a != nil {
		return a
	}
	if errors.Is(err, aio.ErrInterrupted) {
		return err // Ctrl-C: checkAbort makes it the KeyboardInterrupt
	}
	return ioError(err)
}

// FileError is the exception of a file operation's error err (see fileError).
func FileError(thread *starlark.Thread, err error) error { return rtOf(thread).fileError(err) }

// IO returns the I/O (connections, servers, processes, files) of thread's runtime.
func IO(thread *starlark.Thread) *aio.Env { return rtOf(thread).io }

// NewObjectOf returns the object part of a value made on a thread of a runtime.
func NewObjectOf(thread *starlark.Thread) Object { return Object{rtOf(thread).nextID()} }

// Suspend runs op, a loop operation that may suspend t, under the
// suspension protocol; op's value must be a Starlark value or nil for None.
func Suspend(thread *starlark.Thread, t *loop.Task, op func() (any, error)) (starlark.Value, error) {
	return rtOf(thread).suspend(thread, t, op)
}

// IOError is aio's error err as the exception a script sees.
func IOError(err error) error { return ioError(err) }

// NativeBody is the body of a coroutine written in Go.
type NativeBody = nativeBody

// NativeCoro returns the coroutine function name whose calls parse their
// arguments and return the body of the coroutine.
func NativeCoro(name string, parse func(thread *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (NativeBody, error)) starlark.Callable {
	return nativeCoro(name, parse)
}

// Suspending returns the coroutine named name whose body runs op in the
// awaiting task under the suspension protocol.
func Suspending(name string, op func(t *loop.Task) (any, error)) starlark.Value {
	return suspending(name, op)
}

// Exception is the type of a script's exception values.
type Exception = exception

// ExceptionValue returns err as the value a script sees.
func ExceptionValue(thread *starlark.Thread, err error) starlark.Value {
	return rtOf(thread).toValue(err)
}

// LoopArg resolves a loop= argument (see eventLoopArg).
func LoopArg(thread *starlark.Thread, v starlark.Value) (*loop.Loop, error) {
	lv, err := rtOf(thread).eventLoopArg(v)
	if err != nil {
		return nil, err
	}
	return lv.l, nil
}

// LoopValue returns the script value of the loop of task t.
func LoopValue(t *loop.Task) starlark.Value { return loopValue(t.Loop()) }

// NewOSError returns OSError(errno, strerror).
func NewOSError(errno int, strerror string) error {
	return newOSError(exc[pyexc.OSError], starlark.Tuple{starlark.MakeInt(errno), starlark.String(strerror)})
}

// Repr is Python's repr of v.
func Repr(v starlark.Value) string { return reprValue(v) }

// Quote is Python's repr of the string s.
func Quote(s string) string { return pyQuote(s) }

// NewMethods builds a method table from method implementations by name.
func NewMethods(fns map[string]func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error)) methods {
	return newMethods(fns)
}

// Attr returns method name bound to recv, or nil.
func (m methods) Attr(recv starlark.Value, name string) starlark.Value { return m.attr(recv, name) }

// ServeClient returns what a server of task t does for each connection:
// run cb(reader, writer) on t's loop in the context of thread, as a task
// when cb is a coroutine function; closeConn is called when that task
// fails.
func ServeClient(thread *starlark.Thread, t *loop.Task, cb starlark.Callable) func(r, w starlark.Value, closeConn func()) {
	rt, lv, ctx := rtOf(thread), loopValue(t.Loop()), stateOf(thread).ctx
	return func(r, w starlark.Value, closeConn func()) { rt.connected(lv, ctx, cb, r, w, closeConn) }
}

// connected runs the server callback cb for connection c, on the loop.
func (rt *Runtime) connected(lv *eventLoop, ctx *Context, cb starlark.Callable, r, w starlark.Value, closeConn func()) {
	th := lv.cbThread
	stateOf(th).ctx = copyContext(ctx)
	var res starlark.Value
	err := rt.runOn(th, func() (err error) {
		res, err = starlark.Call(th, cb, starlark.Tuple{r, w}, nil)
		return err
	})
	if err != nil {
		lv.callDone(cb, starlark.Tuple{r, w}, err)
		return
	}
	co, ok := res.(*coroutine)
	if !ok {
		return
	}
	fv, err := rt.newTask(lv, co, "")
	if err != nil {
		lv.callDone(cb, starlark.Tuple{r, w}, err)
		return
	}
	fv.f.AddDoneCallback(func(f *loop.Future) {
		if f.Cancelled() {
			return
		}
		if err := f.PeekException(); err != nil {
			f.Exception() // retrieved: it is reported here
			if uncatchable(err) {
				lv.fail(err)
				return
			}
			d := lv.contextDict(loop.ExceptionContext{Message: "Unhandled exception in client_connected_cb", Err: err})
			lv.callHandler(nil, d)
			closeConn()
		}
	}, nil)
}
