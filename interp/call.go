package interp

import (
	"context"
	"errors"
	"fmt"
	"strconv"

	"github.com/asyncrun/asyncrun/internal/builtins"
	"go.starlark.net/starlark"
)

// Call calls a script function and returns its result as a Go value: fn is
// the name of a global of the scripts the interpreter ran, or a
// starlark.Callable; args are Go values (see ToStarlark), frozen. A
// coroutine function's coroutine is awaited, so Call(ctx, "handle", req)
// runs `await handle(req)`. The call runs as a task of the loop: from any
// goroutine while RunForever runs (or before it starts: the call waits in
// the loop's inbox); otherwise on the calling goroutine, the loop running
// until the call is done. Decode stores the result in a Go struct.
//
// Call honours ctx whatever the script does: when ctx ends, the task is
// cancelled (CancelledError in an await_, KeyboardInterrupt in CPU-bound
// code); if it has not finished after Options.CancelGrace, its code (and
// that of the tasks it created) is aborted with an error no try_ catches.
// Call then returns an error wrapping ctx's cause, and the interpreter
// stays usable. ctx's values and deadline reach the host functions the
// task, and the tasks it creates, call (see AsyncFunc).
// WithStepLimit(ctx, n) bounds the steps of the call.
//
// A task that computes without awaiting holds the loop: other calls of the
// interpreter wait behind it, up to their own deadlines (see the package
// documentation, "Serving requests").
func (it *Interp) Call(ctx context.Context, fn any, args ...any) (any, error) {
	f, err := it.callable(fn)
	if err != nil {
		return nil, err
	}
	sargs := make(starlark.Tuple, len(args))
	for i, a := range args {
		if sargs[i], err = toStarlarkAt(argumentPath(i), a); err != nil {
			return nil, fmt.Errorf("interp: Call: %w", err)
		}
	}
	sargs.Freeze()
	code := builtins.Code{Name: f.Name(), Context: ctx, MaxSteps: stepLimitOf(ctx), Fn: func(th *starlark.Thread) (starlark.Value, error) {
		v, err := starlark.Call(th, f, sargs, nil)
		if err == nil {
			v, err = builtins.Await(th, v)
		}
		if err != nil {
			return nil, err
		}
		// Converted here, on the loop: no script code runs meanwhile.
		result, err := fromStarlarkAt("result", v)
		if err != nil {
			return nil, &convertFailure{err}
		}
		return goValue{result}, nil
	}}
	// The loop runs here, unless RunForever runs it (or is about to): then
	// the code is submitted to it. runHere decides which, once.
	v, err := it.host.runHere(ctx, func() (starlark.Value, error) {
		r, err := it.startRun(true)
		if err != nil {
			return nil, err
		}
		defer r.end()
		stop := r.bound(ctx, false)
		defer stop()
		code.Context = r.ra.Context(ctx)
		v, err := it.rt.RunCode(code)
		return v, it.wrapErr(ctx, it.closedErr(err))
	}, func() (starlark.Value, error) { return it.submit(ctx, code) })
	if err != nil {
		if cf, ok := errors.AsType[*convertFailure](err); ok {
			return nil, fmt.Errorf("interp: Call: %w", cf.err)
		}
		return nil, err
	}
	return v.(goValue).v, nil
}

// goValue carries Call's result, converted to Go on the loop, out of the
// code that made it as that code's value.
type goValue struct{ v any }

func (goValue) String() string        { return "<Go value>" }
func (goValue) Type() string          { return "Go value" }
func (goValue) Freeze()               {}
func (goValue) Truth() starlark.Bool  { return true }
func (goValue) Hash() (uint32, error) { return 0, errors.New("unhashable: Go value") }

// convertFailure carries a result that could not be converted out of the
// run, past the script's exception handling.
type convertFailure struct{ err error }

func (c *convertFailure) Error() string { return c.err.Error() }
func (c *convertFailure) Unwrap() error { return c.err }

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

// argumentPath names Call's argument i in a conversion error; the first
// few are made once.
func argumentPath(i int) string {
	if i < len(argumentPaths) {
		return argumentPaths[i]
	}
	return "argument " + strconv.Itoa(i+1)
}

var argumentPaths = func() []string {
	ps := make([]string, 8)
	for i := range ps {
		ps[i] = "argument " + strconv.Itoa(i+1)
	}
	return ps
}()
