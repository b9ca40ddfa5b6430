package builtins

import (
	"fmt"

	"github.com/asyncrun/asyncrun/loop"
	"github.com/asyncrun/asyncrun/pyexc"
	"go.starlark.net/starlark"
)

// awaitBuiltin is the predeclared await_. It is a Callable of its own rather
// than a *starlark.Builtin so that one Go frame fewer sits on the stack of
// every suspended task, and its commonest cases in a task, a Future and
// asyncio.sleep(...), go straight to the loop in small frames: below
// go.starlark.net's 1.6 KB interpreter frame, a task suspended there right
// in its coroutine's body fits in a 4 KB goroutine stack, half of what it
// needs otherwise (see probeStack).
type awaitBuiltin struct {
	rt *Runtime // whose predeclared names it is among (see taskStateOf)
}

var _ starlark.Callable = (*awaitBuiltin)(nil)

func (*awaitBuiltin) Name() string          { return "await_" }
func (*awaitBuiltin) String() string        { return "<built-in function await_>" }
func (*awaitBuiltin) Type() string          { return "builtin_function_or_method" }
func (*awaitBuiltin) Freeze()               {}
func (*awaitBuiltin) Truth() starlark.Bool  { return true }
func (*awaitBuiltin) Hash() (uint32, error) { return starlark.String("await_").Hash() }

// CallInternal is await_(x): see await_.
func (b *awaitBuiltin) CallInternal(thread *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(args) == 1 && len(kwargs) == 0 {
		if ts := b.rt.taskStateOf(thread); ts != nil && ts.task != nil {
			switch x := args[0].(type) {
			case *coroutine:
				if !x.started {
					if x.sleep {
						return ts.rt.sleepInTask(thread, ts.task.f.Task(), x)
					}
					if x.native != nil {
						return awaitNativeInTask(thread, ts.task.f.Task(), x)
					}
				}
			case *future:
				return ts.rt.awaitFuture(thread, ts.task.f.Task(), x)
			}
		}
	}
	return await_(thread, args, kwargs)
}

// await_(x) waits for a coroutine, Future or Task and returns its result or
// raises its exception. In a task it suspends the task (a coroutine runs
// inline); at top level, with no loop running, it runs the event loop until
// x is done; in a plain callback it is a RuntimeError.
//
//go:noinline
func await_(thread *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(args) != 1 || len(kwargs) != 0 {
		return nil, newExc(pyexc.TypeError, "await_: takes exactly one positional argument (%d given)", len(args)+len(kwargs))
	}
	ts := stateOf(thread)
	if ts == nil {
		return nil, errForeignThread
	}
	if ts.task != nil {
		return ts.rt.awaitInTask(thread, ts.task.f.Task(), args[0])
	}
	if ts.rt.running != nil {
		return nil, newExc(pyexc.RuntimeError, "await_ outside a task while the event loop is running: only coroutines run by a task can await (use asyncio.ensure_future(...) to start one from a callback)")
	}
	if err := checkAwaitable("await_", args[0]); err != nil {
		return nil, err
	}
	lv, err := ts.rt.eventLoopArg(nil)
	if err != nil {
		return nil, err
	}
	return lv.runUntilComplete(thread, args[0])
}

// checkAwaitable returns the TypeError of a function named fn given x where
// it awaits: nil if x is a coroutine, Future or Task.
func checkAwaitable(fn string, x starlark.Value) error {
	switch x := x.(type) {
	case *coroutine, *future:
		return nil
	case *coroutineFunction:
		return newExc(pyexc.TypeError, "%s: expected a coroutine, Future or Task, got coroutine function %s; call it: %s(...)", fn, x.name, x.name)
	case starlark.Callable:
		return newExc(pyexc.TypeError, "%s: expected a coroutine, Future or Task, got %s; did you mean asyncio.coroutine(%s)?", fn, x.Type(), x.Name())
	}
	return newExc(pyexc.TypeError, "%s: expected a coroutine, Future or Task, got %s", fn, x.Type())
}

// awaitInTask is await_(x) in task t.
func (rt *Runtime) awaitInTask(thread *starlark.Thread, t *loop.Task, x starlark.Value) (starlark.Value, error) {
	switch x := x.(type) {
	case *coroutine:
		if err := x.start(); err != nil {
			return nil, err
		}
		return x.run(thread, t)
	case *future:
		return rt.awaitFuture(thread, t, x)
	}
	return nil, checkAwaitable("await_", x)
}

// The suspension protocol: script code of task t waits for a loop
// operation (t.Await, loop.Sleep, ...) between park and resume. park probes
// the task's stack (see probeStack) and gives up the step budget; resume
// takes the budget back and converts the operation's outcome into a
// script's. suspend wraps an operation in the two; the hottest awaits call
// them directly, to keep closures and frames off the stack of every
// suspended task (a task suspended right in its coroutine's body fits in 4
// KB only without them).

// park is the first half of the suspension protocol.
func (rt *Runtime) park(thread *starlark.Thread, t *loop.Task) {
	probeTaskStack(t)
	rt.release(thread)
}

// resume is the second half of the suspension protocol.
func (rt *Runtime) resume(thread *starlark.Thread, v any, err error) (starlark.Value, error) {
	rt.acquire(thread)
	return rt.outcome(v, err)
}

// suspend runs op, a loop operation that suspends task t, under the
// suspension protocol.
func (rt *Runtime) suspend(thread *starlark.Thread, t *loop.Task, op func() (any, error)) (starlark.Value, error) {
	rt.park(thread, t)
	v, err := op()
	return rt.resume(thread, v, err)
}

// awaitFuture suspends task t until x is done. It is on the stack of every
// task suspended on a future: keep its frame small.
//
//go:noinline
func (rt *Runtime) awaitFuture(thread *starlark.Thread, t *loop.Task, x *future) (starlark.Value, error) {
	rt.park(thread, t)
	v, err := t.Await(x.f)
	return rt.resume(thread, v, err)
}

// sleepInTask runs asyncio.sleep's coroutine co in task t. It is on the
// stack of every task suspended in a sleep: keep its frame small.
//
//go:noinline
func (rt *Runtime) sleepInTask(thread *starlark.Thread, t *loop.Task, co *coroutine) (starlark.Value, error) {
	co.started = true
	rt.park(thread, t)
	v, err := loop.Sleep(t, co.delay, co.result)
	co.done = true
	return rt.resume(thread, v, err)
}

// awaitNativeInTask runs co, a coroutine written in Go that was not
// started, in task t. The coroutine of a primitive's method (see AwaitOp)
// runs its op straight away, at once when it need not wait. (It is apart
// from awaitBuiltin.CallInternal to keep that frame, on the stack of every
// suspended task, small.)
//
//go:noinline
func awaitNativeInTask(thread *starlark.Thread, t *loop.Task, co *coroutine) (starlark.Value, error) {
	if op, ok := co.result.(AwaitOp); ok {
		co.started = true
		v, err := runOp(thread, t, co, op)
		co.done = true
		return v, err
	}
	return stateOf(thread).rt.awaitInTask(thread, t, co)
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
			gatheredCancel(elems[i])
		}
		return starlark.NewList(elems)
	case *loop.Future:
		return rt.wrapFuture(v)
	case error:
		if e, ok := toException(v).(*exception); ok {
			return e
		}
		return starlark.String(v.Error())
	}
	return starlark.String(fmt.Sprint(v))
}
