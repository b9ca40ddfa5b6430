package builtins

import (
	"fmt"
	"sync"
	"time"

	"github.com/asyncrun/asyncrun/loop"
	"github.com/asyncrun/asyncrun/pyexc"
	"go.starlark.net/starlark"
)

// concurrentFuture is what run_coroutine_threadsafe returns: a
// concurrent.futures.Future, usable from any loop or thread.
type concurrentFuture struct {
	c  *loop.ConcurrentFuture
	rt *Runtime
	l  *eventLoop

	mu        sync.Mutex
	callbacks []cfCallback // script callbacks not yet run
}

type cfCallback struct {
	lv *eventLoop
	fn starlark.Callable
}

// takeCallbacks removes and returns the script callbacks waiting to run on
// lv: whoever takes one runs it, so each runs once.
func (cf *concurrentFuture) takeCallbacks(lv *eventLoop) []starlark.Callable {
	cf.mu.Lock()
	defer cf.mu.Unlock()
	var fns []starlark.Callable
	keep := cf.callbacks[:0]
	for _, cb := range cf.callbacks {
		if cb.lv == lv {
			fns = append(fns, cb.fn)
		} else {
			keep = append(keep, cb)
		}
	}
	cf.callbacks = keep
	return fns
}

func runCoroutineThreadsafe(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var x, lv starlark.Value
	if err := starlark.UnpackArgs(b.Name(), args, kwargs, "coro", &x, "loop", &lv); err != nil {
		return nil, err
	}
	co, ok := x.(*coroutine)
	if !ok {
		return nil, newExc(pyexc.TypeError, "A coroutine object is required")
	}
	l, ok := lv.(*eventLoop)
	if !ok {
		return nil, newExc(pyexc.TypeError, "run_coroutine_threadsafe: loop must be an event loop, got %s", lv.Type())
	}
	rt := rtOf(thread)
	c := loop.NewConcurrentFuture()
	start := func() {
		// Even if c was cancelled meanwhile, the task is made and takes
		// its first step before the cancellation reaches it, as in CPython.
		task, err := l.rt.newTask(l, co, "")
		if err != nil {
			c.SetException(err)
			return
		}
		loop.Chain(task.f, c)
	}
	var err error
	if l.rt == rt {
		_, err = l.l.CallSoon(start)
	} else {
		_, err = l.l.CallSoonThreadsafe(start)
	}
	if err != nil {
		return nil, toException(err)
	}
	return &concurrentFuture{c: c, rt: rt, l: l}, nil
}

func (cf *concurrentFuture) String() string {
	state := "pending"
	if cf.c.Cancelled() {
		state = "cancelled"
	} else if cf.c.Done() {
		state = "finished"
	}
	return "<Future at concurrent state=" + state + ">"
}
func (cf *concurrentFuture) Type() string         { return "concurrent.futures.Future" }
func (cf *concurrentFuture) Freeze()              {}
func (cf *concurrentFuture) Truth() starlark.Bool { return true }
func (cf *concurrentFuture) Hash() (uint32, error) {
	return 0, fmt.Errorf("unhashable: concurrent future")
}

// Attr returns the concurrent future's methods.
func (cf *concurrentFuture) Attr(name string) (starlark.Value, error) {
	return concurrentMethods.attr(cf, name), nil
}

// AttrNames lists the concurrent future's methods.
func (cf *concurrentFuture) AttrNames() []string { return concurrentMethods.names() }

var concurrentMethods = newMethods(map[string]func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error){
	"add_done_callback": cfAddDoneCallback,
	"cancel":            cfCancel,
	"cancelled":         cfBool((*loop.ConcurrentFuture).Cancelled),
	"done":              cfBool((*loop.ConcurrentFuture).Done),
	"exception":         cfOutcome,
	"result":            cfOutcome,
})

func cfRecv(b *starlark.Builtin) *concurrentFuture { return b.Receiver().(*concurrentFuture) }

func cfBool(get func(*loop.ConcurrentFuture) bool) func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error) {
	return func(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		if err := NoArgs(b, args, kwargs); err != nil {
			return nil, err
		}
		return starlark.Bool(get(cfRecv(b).c)), nil
	}
}

// cfCancel is cancel(). As in CPython, the callbacks run at once, inside
// cancel(), when script code of their loop cancels.
func cfCancel(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := NoArgs(b, args, kwargs); err != nil {
		return nil, err
	}
	cf := cfRecv(b)
	wasDone := cf.c.Done()
	ok := cf.c.Cancel()
	if ok && !wasDone {
		if lv, err := rtOf(thread).eventLoopArg(nil); err == nil {
			for _, fn := range cf.takeCallbacks(lv) {
				lv.callFrom(thread, fn, starlark.Tuple{cf})
			}
		}
	}
	return starlark.Bool(ok), nil
}

// cfOutcome implements result(timeout=None) and exception(timeout=None).
// Code of the runtime that owns the loop cannot block for the future (the
// loop could not run to finish it), so there a pending future fails at
// once: a TimeoutError when a timeout was given, else a RuntimeError.
func cfOutcome(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var tv starlark.Value = starlark.None
	if err := starlark.UnpackArgs(b.Name(), args, kwargs, "timeout?", &tv); err != nil {
		return nil, err
	}
	timeout, err := timeoutArg(b.Name(), tv)
	if err != nil {
		return nil, err
	}
	cf := cfRecv(b)
	if !cf.c.Done() && rtOf(thread) == cf.l.rt {
		if timeout < 0 {
			return nil, newExc(pyexc.RuntimeError, "%s: the future is not done and waiting for it here would block its own event loop forever", b.Name())
		}
		timeout = 0
	}
	d := time.Duration(-1)
	if timeout >= 0 {
		d = time.Duration(timeout * float64(time.Second))
	}
	if b.Name() == "exception" {
		e, err := cf.c.Exception(d)
		if err != nil {
			return nil, toException(err)
		}
		return cf.rt.toValue(e), nil
	}
	return cf.rt.outcome(cf.c.Result(d))
}

func cfAddDoneCallback(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var fn starlark.Callable
	if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 1, &fn); err != nil {
		return nil, err
	}
	cf := cfRecv(b)
	lv, err := rtOf(thread).eventLoopArg(nil)
	if err != nil {
		return nil, err
	}
	if cf.c.Done() {
		lv.callFrom(thread, fn, starlark.Tuple{cf})
		return starlark.None, nil
	}
	// The callback runs on the caller's loop, whichever goroutine completes
	// the future: at once if the loop completes it (the future follows a
	// task of that loop) or if script code of that loop cancels it, as in
	// CPython; otherwise through the loop's inbox.
	cf.mu.Lock()
	cf.callbacks = append(cf.callbacks, cfCallback{lv, fn})
	cf.mu.Unlock()
	run := func() {
		for _, fn := range cf.takeCallbacks(lv) {
			lv.call(nil, fn, starlark.Tuple{cf})
		}
	}
	cf.c.AddDoneCallback(func(c *loop.ConcurrentFuture) {
		if c.CompletedOn() == lv.l {
			run()
		} else {
			lv.l.CallSoonThreadsafe(run)
		}
	})
	return starlark.None, nil
}
