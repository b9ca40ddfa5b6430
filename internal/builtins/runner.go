package builtins

import (
	"github.com/asyncrun/asyncrun/pyexc"
	"go.starlark.net/starlark"
)

// A Runner is the life of an event loop that asyncio.run and
// asyncio.Runner (package tasks) drive, as CPython's runners.py: it makes
// a new event loop on first use and makes it the current one, runs
// coroutines in it, and closes it after cancelling the tasks left.
type Runner struct {
	rt      *Runtime
	debug   starlark.Value
	state   runnerState
	lv      *eventLoop
	setLoop bool     // the runner made its loop the current one
	ctx     *Context // the context its run() calls share, as CPython's
}

type runnerState uint8

const (
	runnerCreated runnerState = iota
	runnerInitialized
	runnerClosed
)

// NewRunner returns a runner of thread's runtime; debug (None: the
// loop's default) is passed to the loop's set_debug.
func NewRunner(thread *starlark.Thread, debug starlark.Value) (*Runner, error) {
	rt := rtOf(thread)
	if rt == nil {
		return nil, errForeignThread
	}
	return &Runner{rt: rt, debug: debug}, nil
}

// Loop returns the runner's event loop, made on first use
// (Runner.get_loop()); a RuntimeError once the runner is closed.
func (r *Runner) Loop() (starlark.Value, error) {
	if err := r.init(); err != nil {
		return nil, err
	}
	return r.lv, nil
}

// init makes the runner's loop on first use (CPython's _lazy_init).
func (r *Runner) init() error {
	switch r.state {
	case runnerClosed:
		return newExc(pyexc.RuntimeError, "Runner is closed")
	case runnerInitialized:
		return nil
	}
	r.lv = r.rt.newLoop()
	r.rt.current, r.rt.unset = r.lv, false
	r.setLoop = true
	if r.debug != starlark.None {
		r.lv.l.SetDebug(bool(r.debug.Truth()))
	}
	if r.ctx = copyContext(r.rt.currentContext()); r.ctx == nil {
		r.ctx = &Context{}
	}
	r.state = runnerInitialized
	return nil
}

// Run runs x, a coroutine, as a task of the runner's loop until it is
// done, and returns its result (Runner.run()).
func (r *Runner) Run(thread *starlark.Thread, x starlark.Value) (starlark.Value, error) {
	co, ok := x.(*coroutine)
	if !ok {
		return nil, newExc(pyexc.ValueError, "a coroutine was expected, got %s", reprValue(x))
	}
	if r.rt.running != nil {
		return nil, newExc(pyexc.RuntimeError, "Runner.run() cannot be called from a running event loop")
	}
	if err := r.init(); err != nil {
		return nil, err
	}
	task, err := r.rt.newTask(r.lv, co, "")
	if err != nil {
		return nil, err
	}
	task.more().ctx = r.ctx // run in the runner's context, not a copy
	return r.lv.runUntilComplete(thread, task)
}

// Close cancels the tasks left, runs CPython's shutdown steps, and closes
// the loop (Runner.close()); it does nothing if the loop was never made.
func (r *Runner) Close(thread *starlark.Thread) error {
	if r.state != runnerInitialized {
		return nil
	}
	err := r.lv.shutdown(thread)
	if r.setLoop {
		r.rt.current, r.rt.unset = nil, true
	}
	r.lv.l.Close()
	r.lv = nil
	r.state = runnerClosed
	return err
}
