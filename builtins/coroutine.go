package builtins

import (
	"fmt"

	"github.com/asyncrun/asyncrun/loop"
	"go.starlark.net/starlark"
	"go.starlark.net/syntax"
)

// CoroutineFunction is what asyncio.coroutine(f) returns: calling it makes a
// Coroutine without running f.
type CoroutineFunction struct {
	fn     starlark.Callable
	name   string
	native func(thread *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (*Coroutine, error)
}

var _ starlark.Callable = (*CoroutineFunction)(nil)

func (c *CoroutineFunction) Name() string          { return c.name }
func (c *CoroutineFunction) String() string        { return "<coroutine function " + c.name + ">" }
func (c *CoroutineFunction) Type() string          { return "function" }
func (c *CoroutineFunction) Freeze()               {}
func (c *CoroutineFunction) Truth() starlark.Bool  { return true }
func (c *CoroutineFunction) Hash() (uint32, error) { return starlark.String(c.name).Hash() }

// CallInternal makes a coroutine object.
func (c *CoroutineFunction) CallInternal(thread *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if c.native != nil {
		return c.native(thread, args, kwargs)
	}
	co := &Coroutine{name: c.name, fn: c.fn, args: args, kwargs: kwargs}
	ts := stateOf(thread)
	if ts.rt.debugOn() {
		co.created = thread.CallFrame(1).Pos
		ts.rt.coros = append(ts.rt.coros, co)
	}
	return co, nil
}

// nativeBody is a coroutine written in Go; it runs in the awaiting task.
type nativeBody func(thread *starlark.Thread, t *loop.Task) (starlark.Value, error)

// Coroutine is a coroutine object: a call of a coroutine function that has
// not run yet. It runs when awaited (inline, in the awaiting task) or when
// wrapped in a Task, and only once.
type Coroutine struct {
	name    string
	fn      starlark.Callable
	args    starlark.Tuple
	kwargs  []starlark.Tuple
	native  nativeBody
	sleep   bool // asyncio.sleep(delay, result)
	delay   float64
	result  starlark.Value
	started bool
	done    bool
	created syntax.Position
}

func (c *Coroutine) String() string        { return "<coroutine object " + c.name + ">" }
func (c *Coroutine) Type() string          { return "coroutine" }
func (c *Coroutine) Freeze()               {}
func (c *Coroutine) Truth() starlark.Bool  { return true }
func (c *Coroutine) Hash() (uint32, error) { return 0, fmt.Errorf("unhashable: coroutine") }

// Name returns the name of the coroutine's function.
func (c *Coroutine) Name() string { return c.name }

func (c *Coroutine) start() error {
	if c.started {
		return newExc(exc.RuntimeError, "cannot reuse already awaited coroutine %s()", c.name)
	}
	c.started = true
	return nil
}

// run runs the coroutine's body on thread, inside task t. It is on the
// stack of every suspended task: keep its frame small.
func (c *Coroutine) run(thread *starlark.Thread, t *loop.Task) (starlark.Value, error) {
	if c.sleep || c.native != nil {
		return c.runNative(thread, t)
	}
	// The arguments are dropped once passed: a long-running coroutine must
	// not keep alive what it was called with (say, the head of a chain of
	// futures) after its own variables have moved on.
	args, kwargs := c.args, c.kwargs
	c.args, c.kwargs = nil, nil
	v, err := starlark.Call(thread, c.fn, args, kwargs)
	c.done = true
	return v, err
}

//go:noinline
func (c *Coroutine) runNative(thread *starlark.Thread, t *loop.Task) (starlark.Value, error) {
	defer func() { c.done = true }()
	if c.sleep {
		rt := stateOf(thread).rt
		rt.release(thread)
		v, err := loop.Sleep(t, c.delay, c.result)
		rt.acquire(thread)
		if err != nil {
			return nil, toException(err)
		}
		return v.(starlark.Value), nil
	}
	return c.native(thread, t)
}

// defPos returns where the coroutine's function is defined, if known.
func (c *Coroutine) defPos() (syntax.Position, bool) {
	if f, ok := c.fn.(*starlark.Function); ok {
		return f.Position(), true
	}
	return syntax.Position{}, false
}

func coroutine(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var fn starlark.Callable
	if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 1, &fn); err != nil {
		return nil, err
	}
	if cf, ok := fn.(*CoroutineFunction); ok {
		return cf, nil
	}
	return &CoroutineFunction{fn: fn, name: fn.Name()}, nil
}

func iscoroutine(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var v starlark.Value
	if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 1, &v); err != nil {
		return nil, err
	}
	_, ok := v.(*Coroutine)
	return starlark.Bool(ok), nil
}

func iscoroutinefunction(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var v starlark.Value
	if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 1, &v); err != nil {
		return nil, err
	}
	_, ok := v.(*CoroutineFunction)
	return starlark.Bool(ok), nil
}

// nativeCoro returns a coroutine function implemented in Go: parse checks
// the arguments when the coroutine is made and returns its body.
func nativeCoro(name string, parse func(thread *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (nativeBody, error)) *CoroutineFunction {
	return &CoroutineFunction{name: name, native: func(thread *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (*Coroutine, error) {
		body, err := parse(thread, args, kwargs)
		if err != nil {
			return nil, err
		}
		return &Coroutine{name: name, native: body}, nil
	}}
}

// await_(x) waits for a coroutine, Future or Task and returns its result or
// raises its exception. In a task it suspends the task (a coroutine runs
// inline); at top level, with no loop running, it runs the event loop until
// x is done; in a plain callback it is a RuntimeError.
func await_(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(args) != 1 || len(kwargs) != 0 {
		return nil, newExc(exc.TypeError, "await_: takes exactly one positional argument (%d given)", len(args)+len(kwargs))
	}
	x := args[0]
	ts := stateOf(thread)
	if ts.task != nil {
		return ts.rt.awaitInTask(thread, ts.task.f.Task(), x)
	}
	if ts.rt.running != nil {
		return nil, newExc(exc.RuntimeError, "await_ outside a task while the event loop is running: only coroutines run by a task can await (use asyncio.ensure_future(...) to start one from a callback)")
	}
	if err := checkAwaitable(x); err != nil {
		return nil, err
	}
	l, err := ts.rt.getEventLoop()
	if err != nil {
		return nil, err
	}
	return l.runUntilComplete(thread, x)
}

func checkAwaitable(x starlark.Value) error {
	switch x := x.(type) {
	case *Coroutine, *Future:
		return nil
	case *CoroutineFunction:
		return newExc(exc.TypeError, "await_: expected a coroutine, Future or Task, got coroutine function %s; call it: %s(...)", x.name, x.name)
	case starlark.Callable:
		return newExc(exc.TypeError, "await_: expected a coroutine, Future or Task, got %s; did you mean asyncio.coroutine(%s)?", x.Type(), x.Name())
	}
	return newExc(exc.TypeError, "await_: expected a coroutine, Future or Task, got %s", x.Type())
}

func (rt *Runtime) awaitInTask(thread *starlark.Thread, t *loop.Task, x starlark.Value) (starlark.Value, error) {
	switch x := x.(type) {
	case *Coroutine:
		if err := x.start(); err != nil {
			return nil, err
		}
		return x.run(thread, t)
	case *Future:
		rt.release(thread)
		v, err := t.Await(x.f)
		rt.acquire(thread)
		return rt.outcome(v, err)
	}
	return nil, checkAwaitable(x)
}

// outcome converts a loop future's outcome into a script's.
func (rt *Runtime) outcome(v any, err error) (starlark.Value, error) {
	if err != nil {
		return nil, toException(err)
	}
	return rt.toValue(v), nil
}

// toValue converts a result of package loop into a Starlark value.
func (rt *Runtime) toValue(v any) starlark.Value {
	switch v := v.(type) {
	case nil:
		return starlark.None
	case starlark.Value:
		return v
	case []any:
		elems := make([]starlark.Value, len(v))
		for i, x := range v {
			elems[i] = rt.toValue(x)
		}
		return starlark.NewList(elems)
	case *loop.Future:
		return rt.wrapFuture(v)
	case error:
		if e, ok := toException(v).(*Exception); ok {
			return e
		}
		return starlark.String(v.Error())
	}
	return starlark.String(fmt.Sprint(v))
}
