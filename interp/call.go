package interp

import (
	"context"
	"fmt"

	"github.com/asyncrun/asyncrun/builtins"
	"go.starlark.net/starlark"
)

// Call calls a script function and returns its result as a Go value: fn is
// the name of a global of the scripts the interpreter ran, or a
// starlark.Callable; args are Go values (see ToStarlark), frozen. A
// coroutine function's coroutine is awaited, so Call(ctx, "handle", req)
// runs `await handle(req)`. The call runs as a task of the loop: from any
// goroutine while RunForever runs; otherwise on the calling goroutine, the
// loop running until the call is done.
//
// Cancelling ctx cancels the task (CPU-bound code stops at its next
// step); the error then wraps ctx's cause. ctx's values and deadline reach
// the host functions the task, and the tasks it creates, call (see
// AsyncFunc). WithStepLimit(ctx, n) bounds the steps of the call.
func (it *Interp) Call(ctx context.Context, fn any, args ...any) (any, error) {
	f, err := it.callable(fn)
	if err != nil {
		return nil, err
	}
	sargs := make(starlark.Tuple, len(args))
	for i, a := range args {
		if sargs[i], err = ToStarlark(a); err != nil {
			return nil, err
		}
	}
	sargs.Freeze()
	var result any
	code := builtins.Code{Name: f.Name(), Context: ctx, MaxSteps: stepLimitOf(ctx), Fn: func(th *starlark.Thread) (starlark.Value, error) {
		v, err := starlark.Call(th, f, sargs, nil)
		if err == nil {
			v, err = builtins.Await(th, v)
		}
		if err != nil {
			return nil, err
		}
		// Converted here, on the loop: no script code runs meanwhile.
		result, err = FromStarlark(v)
		return starlark.None, err
	}}
	if it.host.hosted() {
		_, err = it.submit(ctx, code)
	} else {
		err = it.host.runHere(func() error {
			stop := context.AfterFunc(ctx, func() { it.rt.KeyboardInterrupt() })
			defer stop()
			_, err := it.rt.RunCode(code)
			return it.wrapErr(ctx, err)
		}, func() error {
			_, err := it.submit(ctx, code)
			return err
		})
	}
	if err != nil {
		return nil, err
	}
	return result, nil
}

// callable resolves Call's fn.
func (it *Interp) callable(fn any) (starlark.Callable, error) {
	switch fn := fn.(type) {
	case starlark.Callable:
		return fn, nil
	case string:
		it.globalsMu.Lock()
		v, ok := it.globals[fn]
		it.globalsMu.Unlock()
		if !ok {
			return nil, fmt.Errorf("interp: Call: no global %q in the scripts run", fn)
		}
		c, ok := v.(starlark.Callable)
		if !ok {
			return nil, fmt.Errorf("interp: Call: %s is a %s, not a function", fn, v.Type())
		}
		return c, nil
	}
	return nil, fmt.Errorf("interp: Call: fn must be a name or a starlark.Callable, got %T", fn)
}

type stepLimitKey struct{}

// WithStepLimit returns a context that makes a Call made with it stop
// after n Starlark steps (its own and those of the tasks it creates), with
// an error wrapping ErrStepLimit; the interpreter goes on. It is the budget
// a long-lived interpreter gives each call, beside Options.MaxSteps for its
// whole life.
func WithStepLimit(ctx context.Context, n uint64) context.Context {
	return context.WithValue(ctx, stepLimitKey{}, n)
}

func stepLimitOf(ctx context.Context) uint64 {
	n, _ := ctx.Value(stepLimitKey{}).(uint64)
	return n
}
