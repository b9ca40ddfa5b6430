package builtins

import (
	"fmt"

	"github.com/asyncrun/asyncrun/loop"
	"github.com/asyncrun/asyncrun/pyexc"
	"go.starlark.net/starlark"
)

// eventLoop is an event loop as scripts see it.
type eventLoop struct {
	l        *loop.Loop
	rt       *Runtime
	id       uint32
	cbThread *starlark.Thread // runs the loop's plain callbacks
	cbState  *threadState     // cbThread's state
	fatal    error            // an abort met in a callback: ends the run

	// hosted marks a loop that the host runs (see Runtime.RunHosted):
	// script code runs only in its tasks, and loop.stop(), loop.close(),
	// run_until_complete(), run_forever() and asyncio.run() called by
	// top-level code submitted by the host wait inside that code's task
	// instead of running or ending the loop.
	hosted      bool
	handler     starlark.Value // set_exception_handler's; nil: the default
	stopWaiter  *loop.Future   // resolved by stop() for a run_forever() waiting in a hosted loop
	stopPending bool           // stop() was called with no run_forever() waiting
	bound       BoundMethods   // made once: loop.create_task read in a loop allocates nothing
}

var _ starlark.HasAttrs = (*eventLoop)(nil)

// newLoop makes a new event loop of the runtime, as asyncio.new_event_loop.
func (rt *Runtime) newLoop() *eventLoop {
	l := loop.New(loop.Options{Clock: rt.clock, Stderr: rt.stderr, Debug: rt.cfg.Debug, Tracer: rt.loopTracer()})
	lv := &eventLoop{l: l, rt: rt, id: rt.nextID()}
	l.Value = lv
	lv.cbThread = rt.newThread("callbacks", nil, lv)
	lv.cbState = stateOf(lv.cbThread)
	l.SetExceptionHandler(lv.report)
	rt.mu.Lock()
	rt.loops = append(rt.loops, lv)
	rt.mu.Unlock()
	return lv
}

// loopValue returns the script value of a loop of package loop; every loop
// a runtime makes has one.
func loopValue(l *loop.Loop) *eventLoop { return l.Value.(*eventLoop) }

// Loop resolution. Two rules, as in Python 3.11:
//   - eventLoopArg: a loop= argument; None (or absent) means the running
//     loop, else the current one (get_event_loop()), made on first use.
//   - runningLoop: get_running_loop(), a RuntimeError when none runs.

// eventLoopArg resolves a loop= argument; nil or None is get_event_loop().
func (rt *Runtime) eventLoopArg(v starlark.Value) (*eventLoop, error) {
	switch v := v.(type) {
	case nil, starlark.NoneType:
		if rt.running != nil {
			return rt.running, nil
		}
		if rt.current == nil {
			if rt.unset {
				return nil, newExc(pyexc.RuntimeError, "There is no current event loop in thread 'MainThread'.")
			}
			rt.current = rt.newLoop()
		}
		return rt.current, nil
	case *eventLoop:
		return v, nil
	}
	return nil, newExc(pyexc.TypeError, "loop must be an event loop or None, got %s", v.Type())
}

// runningLoop is asyncio.get_running_loop().
func (rt *Runtime) runningLoop() (*eventLoop, error) {
	if rt.running == nil {
		return nil, newExc(pyexc.RuntimeError, "no running event loop")
	}
	return rt.running, nil
}

// Close closes every loop of the runtime that is still open, reporting
// pending tasks and unretrieved exceptions, and, in debug mode, coroutines
// that were never awaited.
func (rt *Runtime) Close() {
	for _, lv := range rt.loops {
		if !lv.l.IsClosed() && !lv.l.IsRunning() {
			lv.l.Close()
		} else {
			lv.l.ReportUnretrieved()
		}
	}
	for _, c := range rt.coros {
		if !c.started {
			fmt.Fprintf(rt.stderr, "RuntimeWarning: coroutine '%s' was never awaited (created at %s)\n", c.name, c.created)
		}
	}
	rt.coros = nil
}

func (lv *eventLoop) String() string {
	return fmt.Sprintf("<_UnixSelectorEventLoop running=%s closed=%s debug=%s>", pyBool(lv.l.IsRunning()), pyBool(lv.l.IsClosed()), pyBool(lv.l.Debug()))
}
func (lv *eventLoop) Type() string          { return "EventLoop" }
func (lv *eventLoop) Freeze()               {}
func (lv *eventLoop) Truth() starlark.Bool  { return true }
func (lv *eventLoop) Hash() (uint32, error) { return lv.id, nil }

// Attr returns the loop's methods, bound once per loop.
func (lv *eventLoop) Attr(name string) (starlark.Value, error) {
	return loopMethods.attr(&lv.bound, lv, name), nil
}

// AttrNames lists the loop's methods.
func (lv *eventLoop) AttrNames() []string { return loopMethods.names() }

var loopMethods = NewMethodSet(map[string]func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error){
	"call_at":                   loopCallAt,
	"call_later":                loopCallLater,
	"call_soon":                 loopCallSoon,
	"call_soon_threadsafe":      loopCallSoonThreadsafe,
	"close":                     loopClose,
	"create_future":             loopCreateFuture,
	"create_task":               loopCreateTask,
	"call_exception_handler":    loopCallExceptionHandler,
	"default_exception_handler": loopDefaultExceptionHandler,
	"get_exception_handler":     loopGetExceptionHandler,
	"set_exception_handler":     loopSetExceptionHandler,
	"get_debug":                 loopBool(func(lv *eventLoop) bool { return lv.l.Debug() }),
	"is_closed":                 loopBool(func(lv *eventLoop) bool { return lv.l.IsClosed() }),
	"is_running":                loopBool(func(lv *eventLoop) bool { return lv.l.IsRunning() }),
	"run_forever":               loopRunForever,
	"run_until_complete":        loopRunUntilComplete,
	"set_debug":                 loopSetDebug,
	"stop":                      loopStop,
	"time":                      loopTime,
})

func loopRecv(b *starlark.Builtin) *eventLoop { return b.Receiver().(*eventLoop) }

// fail ends the loop's run with err (an abort met by a callback).
func (lv *eventLoop) fail(err error) {
	if lv.fatal == nil {
		lv.fatal = err
	}
	lv.l.Stop()
}

// checkRun reports why the loop cannot run now, as CPython does.
func (lv *eventLoop) checkRun() error {
	if lv.l.IsClosed() {
		return newExc(pyexc.RuntimeError, "Event loop is closed")
	}
	if lv.l.IsRunning() {
		return newExc(pyexc.RuntimeError, "This event loop is already running")
	}
	if lv.rt.running != nil {
		return newExc(pyexc.RuntimeError, "Cannot run the event loop while another loop is running")
	}
	return nil
}

// runUntilComplete is loop.run_until_complete(x) called on thread.
func (lv *eventLoop) runUntilComplete(thread *starlark.Thread, x starlark.Value) (starlark.Value, error) {
	if err := lv.checkRun(); err != nil {
		return nil, err
	}
	fut, err := lv.rt.ensureFuture(x, lv)
	if err != nil {
		return nil, err
	}
	_, isCoro := x.(*coroutine)
	if isCoro {
		fut.f.Task().LogDestroyPending = false
	}
	v, err := lv.running(thread, func() (any, error) { return lv.l.RunUntilComplete(fut.f) })
	if err != nil {
		if !fut.f.Done() {
			return nil, toException(err)
		}
		if isCoro && !fut.f.Cancelled() {
			fut.f.Exception()
		}
	}
	return lv.rt.outcome(v, err)
}

// running runs fn, which runs the loop, with the loop marked as the
// runtime's running loop, while thread gives up the step budget.
func (lv *eventLoop) running(thread *starlark.Thread, fn func() (any, error)) (any, error) {
	rt := lv.rt
	rt.running = lv
	lv.fatal = nil
	v, err := rt.offThread(thread, fn)
	rt.running = nil
	if lv.fatal != nil {
		return nil, lv.fatal
	}
	return v, err
}

// ensureFuture is asyncio.ensure_future: a Future or Task as it is, a
// coroutine wrapped in a new Task of lv (nil: get_event_loop()).
func (rt *Runtime) ensureFuture(x starlark.Value, lv *eventLoop) (*future, error) {
	switch x := x.(type) {
	case *future:
		if lv != nil && x.f.Loop() != lv.l {
			return nil, newExc(pyexc.ValueError, "The future belongs to a different loop than the one specified as the loop argument")
		}
		return x, nil
	case *coroutine:
		if lv == nil {
			var err error
			if lv, err = rt.eventLoopArg(nil); err != nil {
				return nil, err
			}
		}
		return rt.newTask(lv, x, "")
	}
	return nil, newExc(pyexc.TypeError, "An asyncio.Future, a coroutine or an awaitable is required")
}

// inHostedTask reports whether thread runs top-level code that the host
// submitted to lv, a loop the host runs: there run_until_complete and
// friends wait instead of running the loop.
func inHostedTask(thread *starlark.Thread, lv *eventLoop) bool {
	ts := stateOf(thread)
	return lv.hosted && ts.toplevel && ts.task != nil
}

func loopRunUntilComplete(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var x starlark.Value
	if err := starlark.UnpackArgs(b.Name(), args, kwargs, "future", &x); err != nil {
		return nil, err
	}
	if err := checkAwaitable(b.Name(), x); err != nil {
		return nil, err
	}
	lv := loopRecv(b)
	if inHostedTask(thread, lv) {
		return lv.rt.awaitInTask(thread, stateOf(thread).task.f.Task(), x)
	}
	return lv.runUntilComplete(thread, x)
}

func loopRunForever(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := NoArgs(b, args, kwargs); err != nil {
		return nil, err
	}
	lv := loopRecv(b)
	if inHostedTask(thread, lv) {
		return lv.waitForStop(thread)
	}
	if err := lv.checkRun(); err != nil {
		return nil, err
	}
	_, err := lv.running(thread, func() (any, error) { return nil, lv.l.RunForever() })
	return starlark.None, toException(err)
}

// waitForStop is run_forever() in top-level code of a hosted loop: it
// waits until loop.stop() is called.
func (lv *eventLoop) waitForStop(thread *starlark.Thread) (starlark.Value, error) {
	t := stateOf(thread).task.f.Task()
	if lv.stopPending {
		// stop() came first: run_forever() returns after one iteration,
		// as CPython's does.
		lv.stopPending = false
		_, err := lv.rt.sleepInTask(thread, t, &coroutine{name: "sleep", sleep: true, result: starlark.None})
		return starlark.None, err
	}
	if lv.stopWaiter == nil {
		lv.stopWaiter = loop.NewFuture(lv.l)
	}
	_, err := lv.rt.awaitFuture(thread, t, lv.rt.wrapFuture(lv.stopWaiter))
	return starlark.None, err
}

func loopStop(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := NoArgs(b, args, kwargs); err != nil {
		return nil, err
	}
	lv := loopRecv(b)
	if !lv.hosted {
		lv.l.Stop()
		return starlark.None, nil
	}
	// A hosted loop runs until its host stops it; stop() ends the
	// run_forever() waiting in top-level code, if any.
	if f := lv.stopWaiter; f != nil {
		lv.stopWaiter = nil
		f.SetResult(nil)
	} else {
		lv.stopPending = true
	}
	return starlark.None, nil
}

func loopClose(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := NoArgs(b, args, kwargs); err != nil {
		return nil, err
	}
	if lv := loopRecv(b); !lv.hosted { // the host closes a hosted loop
		return starlark.None, toException(lv.l.Close())
	}
	return starlark.None, nil
}

// loopBool returns a loop method that reports a flag.
func loopBool(get func(*eventLoop) bool) func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error) {
	return func(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		if err := NoArgs(b, args, kwargs); err != nil {
			return nil, err
		}
		return starlark.Bool(get(loopRecv(b))), nil
	}
}

func loopSetDebug(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var on bool
	if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 1, &on); err != nil {
		return nil, err
	}
	loopRecv(b).l.SetDebug(on)
	return starlark.None, nil
}

func loopTime(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := NoArgs(b, args, kwargs); err != nil {
		return nil, err
	}
	return starlark.Float(loopRecv(b).l.Time()), nil
}

func loopCreateFuture(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := NoArgs(b, args, kwargs); err != nil {
		return nil, err
	}
	lv := loopRecv(b)
	return lv.rt.wrapFuture(loop.NewFuture(lv.l)), nil
}

func loopCreateTask(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(args) == 1 && len(kwargs) == 0 {
		// The common call, unpacked without UnpackArgs, whose pointers
		// make its variables escape: three allocations a task.
		return createTask(loopRecv(b), args[0], starlark.None)
	}
	var coro starlark.Value
	var name, ctx starlark.Value = starlark.None, starlark.None
	if err := starlark.UnpackArgs(b.Name(), args, kwargs, "coro", &coro, "name?", &name, "context?", &ctx); err != nil {
		return nil, err
	}
	return createTask(loopRecv(b), coro, name)
}
