package builtins

import (
	"fmt"
	"sort"
	"strings"

	"github.com/asyncrun/asyncrun/loop"
	"github.com/asyncrun/asyncrun/pyexc"
	"go.starlark.net/starlark"
)

// Loop error handling, as CPython's: every report the runtime makes (an
// exception in a callback, an exception nobody retrieved, a task destroyed
// while pending, an error during asyncio.run's shutdown) is a context dict
// with CPython's keys ("message", "exception", "future" or "task",
// "handle") handed to the loop's exception handler: the script's, set with
// loop.set_exception_handler(h) and called as h(loop, context), or the
// default one, which prints the message, the other keys, and the
// traceback on stderr.

// report is the loop's handler of package loop's reports.
func (lv *eventLoop) report(ctx loop.ExceptionContext) {
	if ctx.Warning {
		msg := ctx.Message
		if h := ctx.Handle; h != nil {
			// CPython names the callback: its handle's or its task's repr.
			if t := h.Task(); t != nil {
				msg = fmt.Sprintf("Executing %s took %.3f seconds", lv.rt.wrapFuture(&t.Future), ctx.Elapsed.Seconds())
			} else if hv, ok := h.Value.(*handle); ok {
				msg = fmt.Sprintf("Executing %s took %.3f seconds", hv, ctx.Elapsed.Seconds())
			}
		}
		fmt.Fprintln(lv.rt.stderr, msg)
		return
	}
	lv.callHandler(nil, lv.contextDict(ctx))
}

// contextDict converts a report of package loop into CPython's context.
func (lv *eventLoop) contextDict(ctx loop.ExceptionContext) *starlark.Dict {
	d := starlark.NewDict(4)
	d.SetKey(starlark.String("message"), starlark.String(ctx.Message))
	if ctx.Err != nil {
		d.SetKey(starlark.String("exception"), lv.rt.toValue(ctx.Err))
	}
	if f := ctx.Future; f != nil {
		// CPython's key: "task" for a task destroyed while pending,
		// "future" for an exception never retrieved.
		key := "future"
		if f.Task() != nil && !f.Done() {
			key = "task"
		}
		d.SetKey(starlark.String(key), lv.rt.wrapFuture(f))
	}
	return d
}

// callHandler hands a context to the loop's exception handler: on thread,
// the thread of the script code that called call_exception_handler, or on
// the loop's callback thread for the loop's own reports (thread nil).
func (lv *eventLoop) callHandler(thread *starlark.Thread, ctx *starlark.Dict) {
	h := lv.handler
	if h == nil || h == starlark.None {
		lv.defaultHandler(ctx)
		return
	}
	call := func(th *starlark.Thread) error {
		_, err := starlark.Call(th, h, starlark.Tuple{lv, ctx}, nil)
		return err
	}
	th := thread
	var err error
	if th == nil {
		th = lv.cbThread
		err = lv.rt.runOn(th, func() error { return call(th) })
	} else {
		err = call(th)
	}
	if err = lv.rt.checkAbort(th, err); uncatchable(err) {
		lv.fail(err)
		return
	}
	if err != nil {
		d := starlark.NewDict(3)
		d.SetKey(starlark.String("message"), starlark.String("Unhandled error in exception handler"))
		d.SetKey(starlark.String("exception"), toException(err).(*exception))
		d.SetKey(starlark.String("context"), ctx)
		lv.defaultHandler(d)
	}
}

// defaultHandler is CPython's default_exception_handler: the message (or
// "Unhandled exception in event loop"), each other key but "exception" in
// sorted order as "key: repr", then the exception's traceback.
func (lv *eventLoop) defaultHandler(ctx *starlark.Dict) {
	var b strings.Builder
	msg := "Unhandled exception in event loop"
	if m, ok, _ := ctx.Get(starlark.String("message")); ok && bool(m.Truth()) {
		if s, ok := starlark.AsString(m); ok {
			msg = s
		} else {
			msg = m.String()
		}
	}
	b.WriteString(msg + "\n")
	keys := ctx.Keys()
	sort.Slice(keys, func(i, j int) bool { return keys[i].String() < keys[j].String() })
	for _, k := range keys {
		ks, _ := starlark.AsString(k)
		if ks == "message" || ks == "exception" {
			continue
		}
		v, _, _ := ctx.Get(k)
		fmt.Fprintf(&b, "%s: %s\n", ks, reprValue(v))
	}
	var err error
	if e, ok, _ := ctx.Get(starlark.String("exception")); ok {
		if x, isExc := e.(*exception); isExc {
			b.WriteString(FormatError(x))
			err = x
		}
	}
	if report := lv.rt.cfg.OnReport; report != nil {
		report(msg, err, b.String())
		return
	}
	fmt.Fprint(lv.rt.stderr, b.String())
}

func loopSetExceptionHandler(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var h starlark.Value
	if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 1, &h); err != nil {
		return nil, err
	}
	if _, ok := h.(starlark.Callable); !ok && h != starlark.None {
		return nil, newExc(pyexc.TypeError, "A callable object or None is expected, got %s", reprValue(h))
	}
	loopRecv(b).handler = h
	return starlark.None, nil
}

func loopGetExceptionHandler(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := NoArgs(b, args, kwargs); err != nil {
		return nil, err
	}
	if h := loopRecv(b).handler; h != nil {
		return h, nil
	}
	return starlark.None, nil
}

// contextArg reads the context argument of call_exception_handler and
// default_exception_handler.
func contextArg(b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (*starlark.Dict, error) {
	var ctx *starlark.Dict
	if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 1, &ctx); err != nil {
		return nil, err
	}
	return ctx, nil
}

func loopCallExceptionHandler(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	ctx, err := contextArg(b, args, kwargs)
	if err != nil {
		return nil, err
	}
	loopRecv(b).callHandler(thread, ctx)
	return starlark.None, nil
}

func loopDefaultExceptionHandler(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	ctx, err := contextArg(b, args, kwargs)
	if err != nil {
		return nil, err
	}
	loopRecv(b).defaultHandler(ctx)
	return starlark.None, nil
}
