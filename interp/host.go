package interp

import (
	"context"
	"errors"

	"github.com/asyncrun/asyncrun/builtins"
	"github.com/asyncrun/asyncrun/loop"
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
// name(...) starts fn on its own goroutine and returns a Future, so a script
// writes result = await_(name(...)). Add it to Options.Predeclared. While the
// call runs the loop counts it as pending work: run_until_complete waits for
// it and the deadlock report does not fire. A panic in fn fails the awaiting
// task with a RuntimeError ("name: host function panicked: value"); the Go
// stack goes to Options.Logger.
func AsyncFunc(name string, fn HostFunc) *starlark.Builtin {
	return starlark.NewBuiltin(name, func(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		it, _ := builtins.HostOf(thread).(*Interp)
		f, fv, err := builtins.NewHostFuture(thread, name)
		if err != nil {
			return nil, err
		}
		args.Freeze()
		for _, kv := range kwargs {
			kv.Freeze()
		}
		ctx, cancel := context.WithCancel(it.hostCtx)
		f.AddDoneCallback(func(*loop.Future) { cancel() }, nil)
		it.hostWG.Add(1)
		f.Loop().RunOff(f, func() (any, error) {
			defer it.hostWG.Done()
			defer cancel()
			return it.callHost(ctx, name, fn, args, kwargs)
		})
		return fv, nil
	})
}

// callHost runs fn within the interpreter's bound on concurrent host calls,
// turning errors and panics into exceptions.
func (it *Interp) callHost(ctx context.Context, name string, fn HostFunc, args starlark.Tuple, kwargs []starlark.Tuple) (v starlark.Value, err error) {
	if it.hostSem != nil {
		select {
		case it.hostSem <- struct{}{}:
			defer func() { <-it.hostSem }()
		case <-ctx.Done():
			return nil, builtins.NewException("CancelledError", "")
		}
	}
	defer func() {
		if r := recover(); r != nil {
			v, err = nil, it.rt.Panicked(name+": host function", r)
		}
	}()
	v, err = fn(ctx, args, kwargs)
	switch {
	case err != nil && ctx.Err() != nil:
		return nil, builtins.NewException("CancelledError", "")
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
		var x *Exception
		if errors.As(err, &x) {
			return nil, builtins.NewException(x.Type, x.Message)
		}
		return v, err
	})
}

func panicked(thread *starlark.Thread, name string, r any) error {
	if it, ok := builtins.HostOf(thread).(*Interp); ok {
		return it.rt.Panicked(name+": host function", r)
	}
	return builtins.NewException("RuntimeError", name+": host function panicked")
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
