package interp

import (
	"context"
	"errors"
	"sync"

	"github.com/asyncrun/asyncrun/internal/builtins"
	"github.com/asyncrun/asyncrun/loop"
	"github.com/asyncrun/asyncrun/pyexc"
	"go.starlark.net/starlark"
	"go.starlark.net/starlarkstruct"
)

// HostFunc is a blocking Go function that scripts await (see AsyncFunc). It
// runs on a goroutine of its own, off the loop; ctx is cancelled when the
// awaiting task (or the future) is cancelled and when the interpreter
// closes, and the function should return soon after. Its arguments are
// frozen, so reading them is safe; it must not touch other script values.
// An *Exception it returns reaches the script with its type; other errors
// become Exception("name: error").
type HostFunc func(ctx context.Context, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error)

// AsyncFunc exposes a blocking Go function to scripts as an async function:
// name(...) returns a coroutine, as calling a Python async def does, so a
// script writes result = await_(name(...)), or hands the coroutine to
// asyncio.create_task, gather or wait_for. When the coroutine first runs,
// fn starts on a goroutine of its own. Add it to Options.Predeclared. While
// the call runs the loop counts it as pending work: run_until_complete
// waits for it and the deadlock report does not fire. A panic in fn fails
// the awaiting task with a RuntimeError ("name: host function panicked:
// value"); the Go stack goes to Options.Logger.
//
// fn's context carries the values and deadline of the Call that runs the
// script code (see Call), and ends, with a cause that says why, when that
// Call's context ends (its cause, context.DeadlineExceeded for a
// deadline), when the awaiting task is cancelled otherwise (ErrCancelled),
// when a script's wait_for or timeout runs out (ErrScriptTimeout), or when
// the interpreter closes (ErrClosed). With Options.MaxHostCalls, calls past
// the bound wait in a queue, holding no goroutine, until one ends.
func AsyncFunc(name string, fn HostFunc) *starlark.Builtin {
	return starlark.NewBuiltin(name, func(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		args.Freeze()
		for _, kv := range kwargs {
			kv.Freeze()
		}
		return builtins.HostCoroutine(name, func(thread *starlark.Thread) (*loop.Future, error) {
			return startHostCall(thread, name, fn, args, kwargs)
		}), nil
	})
}

// startHostCall starts (or queues) a call of a host function for the task
// running on thread, and returns its future.
func startHostCall(thread *starlark.Thread, name string, fn HostFunc, args starlark.Tuple, kwargs []starlark.Tuple) (*loop.Future, error) {
	it, _ := builtins.HostOf(thread).(*Interp)
	if it == nil {
		return nil, builtins.NewException(pyexc.RuntimeError, name+": not called by a script of an interpreter")
	}
	f, _, err := builtins.NewHostFuture(thread, name)
	if err != nil {
		return nil, err
	}
	parent := builtins.GoContextOf(thread)
	if parent == nil {
		parent = context.Background()
	}
	ctx, cancel := context.WithCancelCause(parent)
	stopClose := context.AfterFunc(it.hostCtx, func() { cancel(ErrClosed) })
	f.AddDoneCallback(func(f *loop.Future) {
		switch {
		case parent.Err() != nil:
			// The Call's context ended: its own cause reaches fn.
		case f.Cancelled() && f.CancelMessage() == loop.Expired:
			cancel(ErrScriptTimeout)
		case f.Cancelled():
			cancel(ErrCancelled)
		}
	}, nil)
	call := &hostCall{f: f, start: func() {
		it.hostWG.Add(1)
		f.Loop().RunOff(f, func() (any, error) {
			defer it.hostWG.Done()
			defer stopClose()
			defer cancel(nil)
			return it.callHost(ctx, name, fn, args, kwargs)
		})
	}}
	it.calls.add(call)
	return f, nil
}

// ErrCancelled is the cause of a host function's context when the task
// awaiting it was cancelled.
var ErrCancelled = errors.New("interp: the awaiting task was cancelled")

// ErrScriptTimeout is the cause of a host function's context when a
// script's wait_for or asyncio.timeout around it ran out.
var ErrScriptTimeout = errors.New("interp: the script's timeout ran out")

// hostCall is a call of a host function, started now or queued.
type hostCall struct {
	f     *loop.Future
	start func()
}

// hostCalls bounds the host functions running at once (MaxHostCalls): the
// calls past it wait in a queue, and each call that ends starts the next.
// Its methods run on the goroutine acting for a loop of the interpreter.
type hostCalls struct {
	mu      sync.Mutex
	max     int // 0: no bound
	running int
	queue   []*hostCall
}

// add starts c, or queues it when MaxHostCalls run already.
func (hc *hostCalls) add(c *hostCall) {
	hc.mu.Lock()
	if hc.max > 0 && hc.running >= hc.max {
		hc.queue = append(hc.queue, c)
		hc.mu.Unlock()
		return
	}
	hc.running++
	hc.mu.Unlock()
	hc.run(c)
}

// run starts c and, when its future is done, the next queued call.
func (hc *hostCalls) run(c *hostCall) {
	c.f.AddDoneCallback(func(*loop.Future) { hc.done() }, nil)
	c.start()
}

// done notes the end of a call and starts the next queued one whose
// future is not done (a queued call cancelled meanwhile never starts).
func (hc *hostCalls) done() {
	hc.mu.Lock()
	hc.running--
	for len(hc.queue) > 0 && (hc.max == 0 || hc.running < hc.max) {
		c := hc.queue[0]
		hc.queue[0] = nil
		hc.queue = hc.queue[1:]
		if c.f.Done() {
			continue
		}
		hc.running++
		hc.mu.Unlock()
		hc.run(c)
		hc.mu.Lock()
	}
	hc.mu.Unlock()
}

// callHost runs fn, turning errors and panics into exceptions.
func (it *Interp) callHost(ctx context.Context, name string, fn HostFunc, args starlark.Tuple, kwargs []starlark.Tuple) (v starlark.Value, err error) {
	defer func() {
		if r := recover(); r != nil {
			v, err = nil, it.rt.Panicked(name+": host function", r)
		}
	}()
	v, err = fn(ctx, args, kwargs)
	switch {
	case err != nil && ctx.Err() != nil:
		return nil, builtins.NewException(pyexc.CancelledError, "")
	case err != nil:
		return nil, toScript(name, err)
	case v == nil:
		return starlark.None, nil
	}
	return v, nil
}

// Func exposes a Go function to scripts as a plain (not async) builtin, as
// starlark.NewBuiltin does, but a panic in fn becomes a RuntimeError the
// script can catch ("name: host function panicked: value"; the Go stack goes
// to Options.Logger), and an *Exception fn returns reaches the script with
// its type. Builtins given in Options.Predeclared are wrapped this way.
func Func(name string, fn func(thread *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error)) *starlark.Builtin {
	return starlark.NewBuiltin(name, func(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (v starlark.Value, err error) {
		defer func() {
			if r := recover(); r != nil {
				v, err = nil, panicked(thread, name, r)
			}
		}()
		v, err = fn(thread, args, kwargs)
		if errors.As(err, new(*Exception)) {
			return nil, scriptError(name, err)
		}
		return v, err
	})
}

func panicked(thread *starlark.Thread, name string, r any) error {
	if it, ok := builtins.HostOf(thread).(*Interp); ok {
		return it.rt.Panicked(name+": host function", r)
	}
	return builtins.NewException(pyexc.RuntimeError, name+": host function panicked")
}

// guard wraps the builtins of a host's predeclared value (the value itself,
// or the members of a module) with Func's panic recovery.
func guard(v starlark.Value) starlark.Value {
	switch v := v.(type) {
	case *starlark.Builtin:
		if v.Receiver() != nil {
			return v
		}
		return Func(v.Name(), func(thread *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			return v.CallInternal(thread, args, kwargs)
		})
	case *starlarkstruct.Module:
		members := make(starlark.StringDict, len(v.Members))
		for k, m := range v.Members {
			members[k] = guard(m)
		}
		return &starlarkstruct.Module{Name: v.Name, Members: members}
	}
	return v
}
