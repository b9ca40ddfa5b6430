package builtins

import (
	"fmt"
	"sync/atomic"

	"github.com/asyncrun/asyncrun/loop"
	"github.com/asyncrun/asyncrun/pyexc"
	"go.starlark.net/starlark"
	"go.starlark.net/syntax"
)

// coroutineFunction is what asyncio.coroutine(f) returns: calling it makes a
// coroutine without running f.
type coroutineFunction struct {
	fn     starlark.Callable
	name   string
	native func(thread *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (*coroutine, error)
	// Of the tasks running this function's coroutine that were probed
	// (see future.probeStack), how many had outgrown the 4 KB stack tasks
	// start with; once deep is set, later ones start with 8 KB.
	probed, grew atomic.Int32
	deep         atomic.Bool
}

var _ starlark.Callable = (*coroutineFunction)(nil)

func (c *coroutineFunction) Name() string          { return c.name }
func (c *coroutineFunction) String() string        { return "<coroutine function " + c.name + ">" }
func (c *coroutineFunction) Type() string          { return "function" }
func (c *coroutineFunction) Freeze()               {}
func (c *coroutineFunction) Truth() starlark.Bool  { return true }
func (c *coroutineFunction) Hash() (uint32, error) { return starlark.String(c.name).Hash() }

// CallInternal makes a coroutine object.
func (c *coroutineFunction) CallInternal(thread *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if c.native != nil {
		return c.native(thread, args, kwargs)
	}
	co := &coroutine{name: c.name, cf: c, args: args, kwargs: kwargs}
	if ts := stateOf(thread); ts != nil && ts.rt.debugOn() {
		co.created = thread.CallFrame(1).Pos
		ts.rt.trackCoroutine(co)
	}
	return co, nil
}

// trackCoroutine keeps co, made in debug mode, to report it at close if it
// was never awaited. Coroutines that were started are dropped from the list
// whenever it fills up, so that a program that awaits all its coroutines
// keeps few of them.
func (rt *Runtime) trackCoroutine(co *coroutine) {
	if len(rt.coros) == cap(rt.coros) {
		kept := rt.coros[:0]
		for _, c := range rt.coros {
			if !c.started {
				kept = append(kept, c)
			}
		}
		clear(rt.coros[len(kept):])
		rt.coros = kept
		if len(kept) > cap(kept)/2 {
			rt.coros = append(make([]*coroutine, 0, 2*cap(kept)+16), kept...)
		}
	}
	rt.coros = append(rt.coros, co)
}

// nativeBody is a coroutine written in Go; it runs in the awaiting task.
type nativeBody func(thread *starlark.Thread, t *loop.Task) (starlark.Value, error)

// coroutine is a coroutine Object: a call of a coroutine function that has
// not run yet. It runs when awaited (inline, in the awaiting task) or when
// wrapped in a Task, and only once.
type coroutine struct {
	name    string
	cf      *coroutineFunction // nil for coroutines written in Go
	args    starlark.Tuple
	kwargs  []starlark.Tuple
	native  nativeBody
	delay   float64        // of asyncio.sleep
	result  starlark.Value // of asyncio.sleep; a primitive's method's AwaitOp
	created syntax.Position
	sleep   bool // asyncio.sleep(delay, result): 128 bytes, one size class less than with the bools apart
	started bool
	done    bool
}

func (c *coroutine) String() string        { return "<coroutine object " + c.name + ">" }
func (c *coroutine) Type() string          { return "coroutine" }
func (c *coroutine) Freeze()               {}
func (c *coroutine) Truth() starlark.Bool  { return true }
func (c *coroutine) Hash() (uint32, error) { return 0, fmt.Errorf("unhashable: coroutine") }

func (c *coroutine) start() error {
	if c.started {
		return newExc(pyexc.RuntimeError, "cannot reuse already awaited coroutine %s()", c.name)
	}
	c.started = true
	return nil
}

// run runs the coroutine's body on thread, inside task t, when a task awaits
// it. It is on the stack of every task suspended in such an await: keep its
// frame small.
func (c *coroutine) run(thread *starlark.Thread, t *loop.Task) (starlark.Value, error) {
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
func (c *coroutine) runNative(thread *starlark.Thread, t *loop.Task) (starlark.Value, error) {
	defer func() { c.done = true }()
	if c.sleep {
		return stateOf(thread).rt.sleepInTask(thread, t, c)
	}
	if op, ok := c.result.(AwaitOp); ok {
		return runOp(thread, t, c, op)
	}
	return c.native(thread, t)
}

// takeKwargs returns the coroutine's keyword arguments and drops them.
//
//go:noinline
func (c *coroutine) takeKwargs() []starlark.Tuple {
	kw := c.kwargs
	c.kwargs = nil
	return kw
}

// defPos returns where the coroutine's function is defined, if known.
func (c *coroutine) defPos() (syntax.Position, bool) {
	if c.cf == nil {
		return syntax.Position{}, false
	}
	if f, ok := c.cf.fn.(*starlark.Function); ok {
		return f.Position(), true
	}
	return syntax.Position{}, false
}

// asyncio.coroutine(fn)
func coroutineDecorator(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var fn starlark.Callable
	if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 1, &fn); err != nil {
		return nil, err
	}
	if cf, ok := fn.(*coroutineFunction); ok {
		return cf, nil
	}
	if f, ok := fn.(*starlark.Function); ok {
		rtOf(thread).markAsync(f.Position())
	}
	return &coroutineFunction{fn: fn, name: fn.Name()}, nil
}

// isInstance returns the builtin asyncio.NAME(obj): whether obj is a T.
func isInstance[T starlark.Value](name string) *starlark.Builtin {
	return newBuiltin(name, func(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		var v starlark.Value
		if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 1, &v); err != nil {
			return nil, err
		}
		_, ok := v.(T)
		return starlark.Bool(ok), nil
	})
}

// nativeCoro returns a coroutine function implemented in Go: parse checks
// the arguments when the coroutine is made and returns its body.
func nativeCoro(name string, parse func(thread *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (nativeBody, error)) *coroutineFunction {
	return &coroutineFunction{name: name, native: func(thread *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (*coroutine, error) {
		body, err := parse(thread, args, kwargs)
		if err != nil {
			return nil, err
		}
		return &coroutine{name: name, native: body}, nil
	}}
}
