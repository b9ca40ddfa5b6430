package interp

import (
	"context"
	"errors"
	"time"

	"github.com/asyncrun/asyncrun/builtins"
	"github.com/asyncrun/asyncrun/loop"
	"go.starlark.net/starlark"
)

// HostFunc is a blocking Go function that scripts await (see AsyncFunc).
type HostFunc = builtins.HostFunc

// AsyncFunc exposes a blocking Go function to scripts as an async function:
// name(...) starts fn on its own goroutine and returns a Future, so a script
// writes result = await_(name(...)). Add it to Options.Predeclared. ctx is
// cancelled when the awaiting task is cancelled or the interpreter closes.
// While the call runs the loop counts it as pending work: run_until_complete
// waits for it and the deadlock report does not fire.
func AsyncFunc(name string, fn HostFunc) *starlark.Builtin { return builtins.AsyncFunc(name, fn) }

// Loop returns the interpreter's current event loop (the one
// asyncio.get_event_loop() returns), making it if needed. Call it from the
// goroutine that runs the interpreter, before RunForever.
func (it *Interp) Loop() (*builtins.Loop, error) {
	if it.lv == nil {
		lv, err := it.rt.CurrentLoop()
		if err != nil {
			return nil, err
		}
		it.lv = lv
	}
	return it.lv, nil
}

// RunForever runs the interpreter's event loop until ctx is done or Stop is
// called, for hosts that hand work to the loop from other goroutines with
// RunCoroutineThreadsafe and CallSoonThreadsafe. It returns nil when
// stopped, or ctx's error.
func (it *Interp) RunForever(ctx context.Context) error {
	lv, err := it.Loop()
	if err != nil {
		return err
	}
	stop := context.AfterFunc(ctx, lv.StopThreadsafe)
	defer stop()
	thread := it.rt.NewThread("host")
	if err := lv.RunForever(thread); err != nil {
		return err
	}
	return ctx.Err()
}

// Stop asks RunForever to return; it may be called from any goroutine.
func (it *Interp) Stop() {
	if lv := it.lv; lv != nil {
		lv.StopThreadsafe()
	}
}

var errNoLoop = errors.New("interp: no event loop yet: call Loop (or RunForever) first")

// CallSoonThreadsafe schedules fn(args...) on the interpreter's loop; it may
// be called from any goroutine once Loop has been called. The arguments are
// frozen. An exception fn raises is reported on stderr.
func (it *Interp) CallSoonThreadsafe(fn starlark.Callable, args ...starlark.Value) error {
	if it.lv == nil {
		return errNoLoop
	}
	return it.lv.CallThreadsafe(fn, args)
}

// RunCoroutineThreadsafe calls fn(args...) on the interpreter's loop and runs
// the coroutine it returns as a task, like asyncio.run_coroutine_threadsafe;
// it may be called from any goroutine once Loop has been called. Wait for
// the outcome with Result.
func (it *Interp) RunCoroutineThreadsafe(fn starlark.Callable, args ...starlark.Value) (*Future, error) {
	if it.lv == nil {
		return nil, errNoLoop
	}
	return &Future{c: it.lv.SubmitThreadsafe(fn, args)}, nil
}

// Future is the outcome of RunCoroutineThreadsafe, usable from any goroutine.
type Future struct {
	c *loop.ConcurrentFuture
}

// Result waits for the task, up to ctx's deadline, and returns its result or
// its error (errors.As finds a *builtins.Exception for script exceptions).
func (f *Future) Result(ctx context.Context) (starlark.Value, error) {
	select {
	case <-f.c.DoneChan():
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	v, err := f.c.Result(time.Duration(-1))
	if err != nil {
		return nil, err
	}
	if sv, ok := v.(starlark.Value); ok {
		return sv, nil
	}
	return starlark.None, nil
}

// Cancel cancels the task; it reports whether the cancellation was
// requested before the task finished.
func (f *Future) Cancel() bool { return f.c.Cancel() }

// Done reports whether the task has finished.
func (f *Future) Done() bool { return f.c.Done() }
