package builtins

import (
	"fmt"
	"sync/atomic"
	"unsafe"

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
	// Of the tasks running this function's coroutine that were probed
	// (see Future.probeStack), how many had outgrown the 4 KB stack tasks
	// start with; once deep is set, later ones start with 8 KB.
	probed, grew atomic.Int32
	deep         atomic.Bool
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
	co := &Coroutine{name: c.name, cf: c, args: args, kwargs: kwargs}
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
	cf      *CoroutineFunction // nil for coroutines written in Go
	args    starlark.Tuple
	kwargs  []starlark.Tuple
	native  nativeBody
	delay   float64        // of asyncio.sleep
	result  starlark.Value // of asyncio.sleep
	created syntax.Position
	sleep   bool // asyncio.sleep(delay, result): 128 bytes, one size class less than with the bools apart
	started bool
	done    bool
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

// run runs the coroutine's body on thread, inside task t, when a task awaits
// it. It is on the stack of every task suspended in such an await: keep its
// frame small.
func (c *Coroutine) run(thread *starlark.Thread, t *loop.Task) (starlark.Value, error) {
	if c.cf == nil {
		return c.runNative(thread, t)
	}
	// The arguments are dropped once passed: a long-running coroutine must
	// not keep alive what it was called with (say, the head of a chain of
	// futures) after its own variables have moved on.
	args, kwargs := c.args, c.kwargs
	c.args, c.kwargs = nil, nil
	v, err := starlark.Call(thread, c.cf.fn, args, kwargs)
	c.done = true
	return v, err
}

//go:noinline
func (c *Coroutine) runNative(thread *starlark.Thread, t *loop.Task) (starlark.Value, error) {
	defer func() { c.done = true }()
	if c.sleep {
		return stateOf(thread).rt.sleepInTask(thread, t, c)
	}
	return c.native(thread, t)
}

// takeKwargs returns the coroutine's keyword arguments and drops them.
//
//go:noinline
func (c *Coroutine) takeKwargs() []starlark.Tuple {
	kw := c.kwargs
	c.kwargs = nil
	return kw
}

// defPos returns where the coroutine's function is defined, if known.
func (c *Coroutine) defPos() (syntax.Position, bool) {
	if c.cf == nil {
		return syntax.Position{}, false
	}
	if f, ok := c.cf.fn.(*starlark.Function); ok {
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

// awaitBuiltin is the predeclared await_. It is a Callable of its own rather
// than a *starlark.Builtin so that one Go frame fewer sits on the stack of
// every suspended task, and its commonest cases in a task, a Future and
// asyncio.sleep(...), go straight to the loop in small frames: below
// go.starlark.net's 1.6 KB interpreter frame, a task suspended there right
// in its coroutine's body fits in a 4 KB goroutine stack, half of what it
// needs otherwise (see probeStack).
type awaitBuiltin struct{}

var _ starlark.Callable = (*awaitBuiltin)(nil)

func (*awaitBuiltin) Name() string          { return "await_" }
func (*awaitBuiltin) String() string        { return "<built-in function await_>" }
func (*awaitBuiltin) Type() string          { return "builtin_function_or_method" }
func (*awaitBuiltin) Freeze()               {}
func (*awaitBuiltin) Truth() starlark.Bool  { return true }
func (*awaitBuiltin) Hash() (uint32, error) { return starlark.String("await_").Hash() }

// CallInternal is await_(x): see await_.
func (*awaitBuiltin) CallInternal(thread *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(args) == 1 && len(kwargs) == 0 {
		if ts, _ := thread.Local(localKey).(*threadState); ts != nil && ts.task != nil {
			switch x := args[0].(type) {
			case *Coroutine:
				if x.sleep && !x.started {
					return ts.rt.sleepInTask(thread, ts.task.f.Task(), x)
				}
			case *Future:
				return ts.rt.awaitFuture(thread, ts.task.f.Task(), x)
			}
		}
	}
	return await_(thread, args, kwargs)
}

// sleepInTask runs asyncio.sleep's coroutine co in task t. It is on the
// stack of every task suspended in a sleep: keep its frame small.
//
//go:noinline
func (rt *Runtime) sleepInTask(thread *starlark.Thread, t *loop.Task, co *Coroutine) (starlark.Value, error) {
	probeTaskStack(t)
	co.started = true
	rt.release(thread)
	v, err := loop.Sleep(t, co.delay, co.result)
	rt.acquire(thread)
	co.done = true
	if err != nil {
		return nil, toException(err)
	}
	return v.(starlark.Value), nil
}

// await_(x) waits for a coroutine, Future or Task and returns its result or
// raises its exception. In a task it suspends the task (a coroutine runs
// inline); at top level, with no loop running, it runs the event loop until
// x is done; in a plain callback it is a RuntimeError.
//
//go:noinline
func await_(thread *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
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
		return rt.awaitFuture(thread, t, x)
	}
	return nil, checkAwaitable(x)
}

// awaitFuture suspends task t until x is done. It is on the stack of every
// task suspended on a future: keep its frame small.
//
//go:noinline
func (rt *Runtime) awaitFuture(thread *starlark.Thread, t *loop.Task, x *Future) (starlark.Value, error) {
	probeTaskStack(t)
	rt.release(thread)
	v, err := t.Await(x.f)
	rt.acquire(thread)
	return rt.outcome(v, err)
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

// Task stacks. A task's goroutine starts with a 4 KB stack, which a task
// suspended in await_ right in its coroutine's body fits in. Go's stacks only
// grow (by copying), and a suspended task never uses little enough of its
// stack for the garbage collector to shrink it, so a task that once ran
// deeper (a call of most builtins, or of another Starlark function, from the
// coroutine's body does) keeps 8 KB. Each task is probed at its first await:
// once a quarter of the tasks of a coroutine function have outgrown 4 KB by
// then, later tasks of that function start with 8 KB, sparing the copy of a
// deep stack. (A few tasks grow by accident, when a memory allocation takes
// the runtime's slow path while deep: a quarter is far above that.)

// stackProbed is the most a task's stack may have been used when its depth
// is probed without having moved: the size tasks start with.
const stackProbed = 4096

// probeTaskStack probes the stack of task t at its first await.
func probeTaskStack(t *loop.Task) {
	if fv, ok := t.Value.(*Future); ok && fv.stackBase != 0 {
		fv.probeStack()
	}
}

// probeStack records whether the task's stack has moved (been grown) since
// its body began, at the address stackBase, and marks the coroutine
// function deep when enough of its tasks did. An unmoved stack has its
// frames within 4 KB below stackBase; after a move they are in another block
// of memory, above stackBase or farther below.
func (fv *Future) probeStack() {
	var here byte
	h := uintptr(unsafe.Pointer(&here))
	cf := fv.coro.cf
	probed := cf.probed.Add(1)
	if h > fv.stackBase || fv.stackBase-h >= stackProbed {
		if grew := cf.grew.Add(1); grew >= 4 && 4*grew >= probed {
			cf.deep.Store(true)
		}
	}
	fv.stackBase = 0
}
