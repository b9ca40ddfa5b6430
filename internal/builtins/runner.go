package builtins

import (
	"github.com/asyncrun/asyncrun/pyexc"
	"go.starlark.net/starlark"
)

// runner is asyncio.Runner(*, debug=None): it makes a new event loop on
// first use, runs coroutines in it with run(coro), and closes it (after
// cancelling the tasks left) with close() or at the end of with_.
type runner struct {
	rt      *Runtime
	debug   starlark.Value
	state   runnerState
	lv      *eventLoop
	setLoop bool        // the runner made its loop the current one
	ctx     *varContext // the context its run() calls share, as CPython's
}

type runnerState uint8

const (
	runnerCreated runnerState = iota
	runnerInitialized
	runnerClosed
)

// runnerClass is asyncio.Runner.
func runnerClass() *class {
	return &class{name: "Runner", call: newBuiltin("Runner", func(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		var debug, factory starlark.Value = starlark.None, starlark.None
		if err := starlark.UnpackArgs(b.Name(), args, kwargs, "debug?", &debug, "loop_factory?", &factory); err != nil {
			return nil, err
		}
		if len(args) > 0 {
			return nil, newExc(pyexc.TypeError, "Runner.__init__() takes 1 positional argument but %d were given", len(args)+1)
		}
		r := &runner{rt: rtOf(thread), debug: debug}
		if factory != starlark.None {
			return nil, newExc(pyexc.ValueError, "Runner: loop_factory is not supported")
		}
		return r, nil
	})}
}

func (r *runner) String() string {
	return "<asyncio.runners.Runner object>"
}
func (r *runner) Type() string         { return "Runner" }
func (r *runner) Freeze()              {}
func (r *runner) Truth() starlark.Bool { return true }
func (r *runner) Hash() (uint32, error) {
	return 0, newExc(pyexc.TypeError, "unhashable type: 'Runner'")
}

// Attr returns the runner's methods: run, get_loop and close.
func (r *runner) Attr(name string) (starlark.Value, error) { return runnerMethods.attr(r, name), nil }

// AttrNames lists the runner's methods.
func (r *runner) AttrNames() []string { return runnerMethods.names() }

var runnerMethods = newMethods(map[string]func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error){
	"close": func(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		if err := NoArgs(b, args, kwargs); err != nil {
			return nil, err
		}
		return starlark.None, b.Receiver().(*runner).close(thread)
	},
	"get_loop": func(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		if err := NoArgs(b, args, kwargs); err != nil {
			return nil, err
		}
		r := b.Receiver().(*runner)
		if err := r.init(); err != nil {
			return nil, err
		}
		return r.lv, nil
	},
	"run": func(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		var coro, ctx starlark.Value = nil, starlark.None
		if err := starlark.UnpackArgs(b.Name(), args, kwargs, "coro", &coro, "context?", &ctx); err != nil {
			return nil, err
		}
		return b.Receiver().(*runner).run(thread, coro)
	},
})

// init makes the runner's loop on first use (CPython's _lazy_init).
func (r *runner) init() error {
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
		r.ctx = &varContext{}
	}
	r.state = runnerInitialized
	return nil
}

// run runs x, a coroutine, as a task of the runner's loop until it is done.
func (r *runner) run(thread *starlark.Thread, x starlark.Value) (starlark.Value, error) {
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

// close cancels the tasks left, runs CPython's shutdown steps, and closes
// the loop.
func (r *runner) close(thread *starlark.Thread) error {
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

// enter and exit make a Runner a context manager (with_): enter makes the
// loop, exit closes it.
func (r *runner) Enter(thread *starlark.Thread) (starlark.Value, error) {
	if err := r.init(); err != nil {
		return nil, err
	}
	return r, nil
}

func (r *runner) Exit(thread *starlark.Thread, err error) error {
	if cerr := r.close(thread); cerr != nil {
		return cerr
	}
	return err
}
