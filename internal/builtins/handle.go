package builtins

import (
	"fmt"
	"strings"

	"github.com/asyncrun/asyncrun/loop"
	"github.com/asyncrun/asyncrun/pyexc"
	"go.starlark.net/starlark"
)

// handle is what call_soon, call_later and friends return: cancel() stops
// the callback.
type handle struct {
	h    *loop.Handle // nil for the handle of a report (see callDone)
	fn   starlark.Value
	args starlark.Tuple
}

func (h *handle) String() string {
	kind := "Handle"
	if h.h != nil && h.h.When() != 0 {
		kind = "TimerHandle"
	}
	state := ""
	if h.h != nil && h.h.Cancelled() {
		state = " cancelled"
	}
	return fmt.Sprintf("<%s%s %s>", kind, state, callbackDesc(h.fn, h.args))
}
func (h *handle) Type() string          { return "Handle" }
func (h *handle) Freeze()               {}
func (h *handle) Truth() starlark.Bool  { return true }
func (h *handle) Hash() (uint32, error) { return 0, fmt.Errorf("unhashable: Handle") }

// Attr returns the handle's methods: cancel, cancelled and when.
func (h *handle) Attr(name string) (starlark.Value, error) { return handleMethods.attr(h, name), nil }

// AttrNames lists the handle's methods.
func (h *handle) AttrNames() []string { return handleMethods.names() }

var handleMethods = newMethods(map[string]func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error){
	"cancel": func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		if err := NoArgs(b, args, kwargs); err != nil {
			return nil, err
		}
		b.Receiver().(*handle).h.Cancel()
		return starlark.None, nil
	},
	"cancelled": func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		if err := NoArgs(b, args, kwargs); err != nil {
			return nil, err
		}
		return starlark.Bool(b.Receiver().(*handle).h.Cancelled()), nil
	},
	"when": func(_ *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		if err := NoArgs(b, args, kwargs); err != nil {
			return nil, err
		}
		return starlark.Float(b.Receiver().(*handle).h.When()), nil
	},
})

// schedule is the common part of call_soon_threadsafe, call_later and
// call_at: read the callback and its arguments after skip leading
// arguments, and schedule it with sched. (call_soon, the hottest, does the
// same without the indirection.)
func schedule(b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple, skip int, sched func(lv *eventLoop, run func()) (*loop.Handle, error)) (starlark.Value, error) {
	fn, cargs, err := unpackCallback(b.Name(), args, kwargs, skip)
	if err != nil {
		return nil, err
	}
	lv := loopRecv(b)
	ctx := copyContext(lv.rt.currentContext())
	h, err := sched(lv, func() { lv.call(ctx, fn, cargs) })
	return lv.newHandle(h, fn, cargs, err)
}

// newHandle returns the script value of a scheduled callback.
func (lv *eventLoop) newHandle(h *loop.Handle, fn starlark.Value, args starlark.Tuple, err error) (starlark.Value, error) {
	if err != nil {
		return nil, toException(err)
	}
	hv := &handle{h, fn, args}
	// It names the callback in slow-callback reports and traces, also when
	// debug mode is turned on after the callback was scheduled.
	h.Value = hv
	return hv, nil
}

// unpackCallback reads (callback, *args) from a call_* method's arguments.
func unpackCallback(name string, args starlark.Tuple, kwargs []starlark.Tuple, skip int) (starlark.Callable, starlark.Tuple, error) {
	for _, kv := range kwargs {
		if k, _ := starlark.AsString(kv[0]); k != "context" {
			return nil, nil, newExc(pyexc.TypeError, "%s() got an unexpected keyword argument '%s'", name, k)
		}
	}
	if len(args) <= skip {
		return nil, nil, newExc(pyexc.TypeError, "%s: missing the callback argument", name)
	}
	fn, ok := args[skip].(starlark.Callable)
	if !ok {
		return nil, nil, newExc(pyexc.TypeError, "%s: a callable object was expected, got %s", name, args[skip].Type())
	}
	if _, isCoro := fn.(*coroutineFunction); isCoro {
		return nil, nil, newExc(pyexc.TypeError, "%s: coroutines cannot be used with %s()", name, name)
	}
	return fn, args[skip+1:], nil
}

func loopCallSoon(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	fn, cargs, err := unpackCallback(b.Name(), args, kwargs, 0)
	if err != nil {
		return nil, err
	}
	lv := loopRecv(b)
	ctx := copyContext(lv.rt.currentContext())
	h, err := lv.l.CallSoon(func() { lv.call(ctx, fn, cargs) })
	return lv.newHandle(h, fn, cargs, err)
}

func loopCallSoonThreadsafe(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	return schedule(b, args, kwargs, 0, func(lv *eventLoop, run func()) (*loop.Handle, error) {
		if rtOf(thread) == lv.rt {
			// Script code of this runtime acts for the loop: same FIFO as call_soon.
			return lv.l.CallSoon(run)
		}
		return lv.l.CallSoonThreadsafe(run)
	})
}

// timed is call_later or call_at: the first argument is a number (what),
// given to sched with the callback.
func timed(b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple, what string, sched func(l *loop.Loop, t float64, run func()) (*loop.Handle, error)) (starlark.Value, error) {
	if len(args) == 0 {
		return nil, newExc(pyexc.TypeError, "%s: missing the %s argument", b.Name(), what)
	}
	t, err := delayArg(b.Name(), what, args[0])
	if err != nil {
		return nil, err
	}
	return schedule(b, args, kwargs, 1, func(lv *eventLoop, run func()) (*loop.Handle, error) { return sched(lv.l, t, run) })
}

func loopCallLater(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	return timed(b, args, kwargs, "delay", (*loop.Loop).CallLater)
}

func loopCallAt(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	return timed(b, args, kwargs, "when", (*loop.Loop).CallAt)
}

// delayArg reads a number argument of function name.
func delayArg(name, what string, v starlark.Value) (float64, error) {
	switch v := v.(type) {
	case starlark.Int:
		f, _ := starlark.AsFloat(v)
		return f, nil
	case starlark.Float:
		return float64(v), nil
	}
	return 0, newExc(pyexc.TypeError, "%s: %s must be a number, got %s", name, what, v.Type())
}

// call runs a plain callback on the loop's callback thread, in context ctx
// (nil: a new one); an exception is reported, not raised, and the loop goes
// on. Only the loop calls it, between pieces of script code (builtins that
// call back at once use callFrom).
func (lv *eventLoop) call(ctx *Context, fn starlark.Value, args starlark.Tuple) {
	th := lv.cbThread
	rt := lv.rt
	if lv.cbState.ctx != ctx {
		lv.cbState.ctx = ctx
	}
	// The loop runs the callback: no script code runs meanwhile.
	rt.acquire(th)
	_, err := starlark.Call(th, fn, args, nil)
	rt.release(th)
	lv.callDone(fn, args, err)
}

// callFrom runs a callback at once on thread, the thread of the script code
// that is running (a builtin that must call back synchronously, as CPython
// does); an error is reported as a callback's is.
func (lv *eventLoop) callFrom(thread *starlark.Thread, fn starlark.Value, args starlark.Tuple) {
	_, err := starlark.Call(thread, fn, args, nil)
	lv.callDone(fn, args, err)
}

func (lv *eventLoop) callDone(fn starlark.Value, args starlark.Tuple, err error) {
	if err = lv.rt.checkAbort(lv.cbThread, err); err == nil {
		return
	}
	if uncatchable(err) {
		lv.fail(err)
		return
	}
	ctx := lv.contextDict(loop.ExceptionContext{Message: fmt.Sprintf("Exception in callback %s", callbackDesc(fn, args)), Err: err})
	ctx.SetKey(starlark.String("handle"), &handle{fn: fn, args: args})
	lv.callHandler(nil, ctx)
}

// callbackDesc describes a callback as CPython's handles do: "cb(1, 'a')",
// each argument shortened as reprlib.repr shortens it, followed by
// " at file:line" for a function defined in a script.
func callbackDesc(fn starlark.Value, args starlark.Tuple) string {
	name := fn.String()
	if c, ok := fn.(starlark.Callable); ok {
		name = c.Name()
	}
	parts := make([]string, len(args))
	for i, a := range args {
		parts[i] = shortReprValue(a)
	}
	desc := name + "(" + strings.Join(parts, ", ") + ")"
	if f, ok := fn.(*starlark.Function); ok {
		pos := f.Position()
		desc += fmt.Sprintf(" at %s:%d", pos.Filename(), pos.Line)
	}
	return desc
}
