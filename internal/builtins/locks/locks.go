// Package locks is asyncio's synchronisation primitives as scripts see
// them, beside CPython's own module split (asyncio.locks, asyncio.queues):
// Lock, Event, Condition, Semaphore, BoundedSemaphore, Barrier, Queue,
// PriorityQueue and LifoQueue, each a thin value over its type in package
// loop, built on the exported hooks of package builtins only. Part is
// what package interp merges into the asyncio module.
package locks

import (
	"github.com/asyncrun/asyncrun/internal/builtins"
	"github.com/asyncrun/asyncrun/loop"
	"github.com/asyncrun/asyncrun/pyexc"
	"go.starlark.net/starlark"
)

// The synchronisation primitives as scripts see them: asyncio.Lock, Event,
// Condition, Semaphore, BoundedSemaphore and Barrier, each a thin value over
// its type in package loop, with Python 3.11's methods, return values and
// messages. A method CPython declares `async def` returns a coroutine (see
// suspending). Lock, Condition and the semaphores are context managers for
// with_ (`async with lock:`), as is Barrier (`async with barrier as i:`).
//
// As in Python 3.11, a primitive takes no loop: it binds to the loop of the
// first task that waits on it.

// trueOr returns Python's True, the value of acquire() and wait(), or err.
func trueOr(err error) (any, error) {
	if err != nil {
		return nil, err
	}
	return starlark.True, nil
}

// acquirer is a primitive that async with acquires and releases: a Lock, a
// Condition or a semaphore.
type acquirer interface {
	acquireOp() builtins.AwaitOp
	release() error
}

// enterAcquire is `async with a`'s entry: await a.acquire(), suspending
// the current task only if it must wait; the block gets None, as in
// CPython. In a task, no coroutine is made.
func enterAcquire(thread *starlark.Thread, a acquirer) (starlark.Value, error) {
	var err error
	if t := builtins.CurrentTask(thread); t != nil {
		_, err = a.acquireOp().Await(thread, t, nil)
	} else {
		_, err = builtins.Await(thread, builtins.OpCoroutine(a.acquireOp(), nil))
	}
	if err != nil {
		return nil, err
	}
	return starlark.None, nil
}

// exitRelease is `async with a`'s exit: a.release(), letting the block's
// exception err through, unless the release fails (a RuntimeError or
// ValueError then replaces it, as in CPython).
func exitRelease(a acquirer, err error) error {
	if rerr := a.release(); rerr != nil {
		return builtins.ToException(rerr)
	}
	return err
}

// lockValue is asyncio.Lock(). Its methods and with_ may be used only by
// script code of its runtime, as every value's.
type lockValue struct {
	builtins.Object
	lk    *loop.Lock
	bound builtins.BoundMethods
}

var (
	_ starlark.HasAttrs       = (*lockValue)(nil)
	_ builtins.ContextManager = (*lockValue)(nil)
)

func (v *lockValue) String() string { return v.lk.String() }
func (v *lockValue) Type() string   { return "Lock" }
func (v *lockValue) Attr(name string) (starlark.Value, error) {
	return lockMethods.Attr(&v.bound, v, name), nil
}
func (v *lockValue) AttrNames() []string { return lockMethods.Names() }

func (v *lockValue) acquireOp() builtins.AwaitOp { return lockAcquireOp{v.lk} }
func (v *lockValue) release() error              { return v.lk.Release() }

// enter acquires the lock (async with lock:).
func (v *lockValue) Enter(thread *starlark.Thread) (starlark.Value, error) {
	return enterAcquire(thread, v)
}

// exit releases the lock.
func (v *lockValue) Exit(thread *starlark.Thread, err error) error { return exitRelease(v, err) }

// lockAcquireOp is Lock.acquire(), which returns True: at once if the lock
// is free and no task waits for it, as in CPython. It serves a Condition's
// acquire too, on the condition's lock.
type lockAcquireOp struct{ *loop.Lock }

func (op lockAcquireOp) String() string        { return op.Lock.String() }
func (op lockAcquireOp) Type() string          { return "Lock" }
func (op lockAcquireOp) Freeze()               {}
func (op lockAcquireOp) Truth() starlark.Bool  { return true }
func (op lockAcquireOp) Hash() (uint32, error) { return 0, nil }
func (op lockAcquireOp) Qualname() string      { return "Lock.acquire" }

func (op lockAcquireOp) Await(thread *starlark.Thread, t *loop.Task, _ starlark.Tuple) (starlark.Value, error) {
	if op.TryAcquire() {
		return starlark.True, nil
	}
	return builtins.AwaitIn(thread, t, func() (any, error) { return trueOr(op.Acquire(t)) })
}

var lockMethods = builtins.NewMethodSet(map[string]func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error){
	"acquire": lockAcquire,
	"locked":  lockLocked,
	"release": lockRelease,
})

// newLock is asyncio.Lock().
func newLock(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := builtins.NoArgs(b, args, kwargs); err != nil {
		return nil, err
	}
	o, err := builtins.NewObject(thread)
	if err != nil {
		return nil, err
	}
	return &lockValue{Object: o, lk: loop.NewLock(nil)}, nil
}

func lockAcquire(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := builtins.NoArgs(b, args, kwargs); err != nil {
		return nil, err
	}
	return builtins.OpCoroutine(b.Receiver().(*lockValue).acquireOp(), nil), nil
}

func lockLocked(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := builtins.NoArgs(b, args, kwargs); err != nil {
		return nil, err
	}
	return starlark.Bool(b.Receiver().(*lockValue).lk.Locked()), nil
}

func lockRelease(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := builtins.NoArgs(b, args, kwargs); err != nil {
		return nil, err
	}
	return starlark.None, builtins.ToException(b.Receiver().(*lockValue).release())
}

// eventValue is asyncio.Event().
type eventValue struct {
	builtins.Object
	e     *loop.Event
	bound builtins.BoundMethods
}

var _ starlark.HasAttrs = (*eventValue)(nil)

func (v *eventValue) String() string { return v.e.String() }
func (v *eventValue) Type() string   { return "Event" }
func (v *eventValue) Attr(name string) (starlark.Value, error) {
	return eventMethods.Attr(&v.bound, v, name), nil
}
func (v *eventValue) AttrNames() []string { return eventMethods.Names() }

var eventMethods = builtins.NewMethodSet(map[string]func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error){
	"clear":  eventClear,
	"is_set": eventIsSet,
	"set":    eventSet,
	"wait":   eventWait,
})

// newEvent is asyncio.Event().
func newEvent(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := builtins.NoArgs(b, args, kwargs); err != nil {
		return nil, err
	}
	o, err := builtins.NewObject(thread)
	if err != nil {
		return nil, err
	}
	return &eventValue{Object: o, e: loop.NewEvent(nil)}, nil
}

func eventClear(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := builtins.NoArgs(b, args, kwargs); err != nil {
		return nil, err
	}
	b.Receiver().(*eventValue).e.Clear()
	return starlark.None, nil
}

func eventIsSet(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := builtins.NoArgs(b, args, kwargs); err != nil {
		return nil, err
	}
	return starlark.Bool(b.Receiver().(*eventValue).e.IsSet()), nil
}

func eventSet(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := builtins.NoArgs(b, args, kwargs); err != nil {
		return nil, err
	}
	b.Receiver().(*eventValue).e.Set()
	return starlark.None, nil
}

// eventWait is Event.wait(), a coroutine that returns True.
func eventWait(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := builtins.NoArgs(b, args, kwargs); err != nil {
		return nil, err
	}
	return builtins.OpCoroutine(eventWaitOp{b.Receiver().(*eventValue)}, nil), nil
}

// eventWaitOp is Event.wait(), which returns True: at once if the event is
// set, as in CPython.
type eventWaitOp struct{ *eventValue }

func (eventWaitOp) Qualname() string { return "Event.wait" }

func (op eventWaitOp) Await(thread *starlark.Thread, t *loop.Task, _ starlark.Tuple) (starlark.Value, error) {
	if op.e.IsSet() {
		return starlark.True, nil
	}
	return builtins.AwaitIn(thread, t, func() (any, error) { return trueOr(op.e.Wait(t)) })
}

// condValue is asyncio.Condition(lock=None).
type condValue struct {
	builtins.Object
	c     *loop.Condition
	bound builtins.BoundMethods
}

var (
	_ starlark.HasAttrs       = (*condValue)(nil)
	_ builtins.ContextManager = (*condValue)(nil)
)

func (v *condValue) String() string { return v.c.String() }
func (v *condValue) Type() string   { return "Condition" }
func (v *condValue) Attr(name string) (starlark.Value, error) {
	return condMethods.Attr(&v.bound, v, name), nil
}
func (v *condValue) AttrNames() []string { return condMethods.Names() }

// acquireOp is the lock's acquire(), as CPython's Condition exports it.
func (v *condValue) acquireOp() builtins.AwaitOp { return lockAcquireOp{v.c.Lock()} }
func (v *condValue) release() error              { return v.c.Release() }

// enter acquires the condition's lock (async with cond:).
func (v *condValue) Enter(thread *starlark.Thread) (starlark.Value, error) {
	return enterAcquire(thread, v)
}

// exit releases the condition's lock.
func (v *condValue) Exit(thread *starlark.Thread, err error) error { return exitRelease(v, err) }

var condMethods = builtins.NewMethodSet(map[string]func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error){
	"acquire":    condAcquire,
	"locked":     condLocked,
	"notify":     condNotify,
	"notify_all": condNotifyAll,
	"release":    condRelease,
	"wait":       condWait,
	"wait_for":   condWaitFor,
})

// newCondition is asyncio.Condition(lock=None): lock, if given, must be an
// asyncio.Lock, which the condition then shares.
func newCondition(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var lv starlark.Value = starlark.None
	if err := starlark.UnpackArgs(b.Name(), args, kwargs, "lock?", &lv); err != nil {
		return nil, err
	}
	var lk *loop.Lock
	switch lv := lv.(type) {
	case starlark.NoneType:
	case *lockValue:
		lk = lv.lk
	default:
		return nil, builtins.Errorf(pyexc.TypeError, "Condition: lock must be an asyncio.Lock or None, got %s", lv.Type())
	}
	o, err := builtins.NewObject(thread)
	if err != nil {
		return nil, err
	}
	return &condValue{Object: o, c: loop.NewCondition(nil, lk)}, nil
}

func condAcquire(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := builtins.NoArgs(b, args, kwargs); err != nil {
		return nil, err
	}
	return builtins.OpCoroutine(b.Receiver().(*condValue).acquireOp(), nil), nil
}

func condLocked(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := builtins.NoArgs(b, args, kwargs); err != nil {
		return nil, err
	}
	return starlark.Bool(b.Receiver().(*condValue).c.Locked()), nil
}

func condRelease(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := builtins.NoArgs(b, args, kwargs); err != nil {
		return nil, err
	}
	return starlark.None, builtins.ToException(b.Receiver().(*condValue).release())
}

// condNotify is Condition.notify(n=1).
func condNotify(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	n := 1
	if err := starlark.UnpackArgs(b.Name(), args, kwargs, "n?", &n); err != nil {
		return nil, err
	}
	return starlark.None, builtins.ToException(b.Receiver().(*condValue).c.Notify(n))
}

func condNotifyAll(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := builtins.NoArgs(b, args, kwargs); err != nil {
		return nil, err
	}
	return starlark.None, builtins.ToException(b.Receiver().(*condValue).c.NotifyAll())
}

// condWait is Condition.wait(), a coroutine that returns True.
func condWait(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := builtins.NoArgs(b, args, kwargs); err != nil {
		return nil, err
	}
	return builtins.OpCoroutine(condWaitOp{b.Receiver().(*condValue)}, nil), nil
}

// condWaitOp is Condition.wait(), which returns True. It always waits; the
// lock is taken back at once if it is free (see loop.Condition.Wait).
type condWaitOp struct{ *condValue }

func (condWaitOp) Qualname() string { return "Condition.wait" }

func (op condWaitOp) Await(thread *starlark.Thread, t *loop.Task, _ starlark.Tuple) (starlark.Value, error) {
	return builtins.AwaitIn(thread, t, func() (any, error) { return trueOr(op.c.Wait(t)) })
}

// condWaitFor is Condition.wait_for(predicate), a coroutine that calls
// predicate() and, while its value is false, waits and calls it again; it
// returns the last value. The predicate is script code, so it runs in the
// coroutine's body, between waits, not inside a loop operation.
func condWaitFor(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var pred starlark.Callable
	if err := starlark.UnpackArgs(b.Name(), args, kwargs, "predicate", &pred); err != nil {
		return nil, err
	}
	if len(args) != 1 {
		args = starlark.Tuple{pred}
	}
	return builtins.OpCoroutine(condWaitForOp{b.Receiver().(*condValue)}, args), nil
}

// condWaitForOp is Condition.wait_for(predicate); args holds the
// predicate.
type condWaitForOp struct{ *condValue }

func (condWaitForOp) Qualname() string { return "Condition.wait_for" }

func (op condWaitForOp) Await(thread *starlark.Thread, t *loop.Task, args starlark.Tuple) (starlark.Value, error) {
	pred := args[0]
	v, err := starlark.Call(thread, pred, nil, nil)
	for err == nil && !v.Truth() {
		if _, err = builtins.AwaitIn(thread, t, func() (any, error) { return nil, op.c.Wait(t) }); err == nil {
			v, err = starlark.Call(thread, pred, nil, nil)
		}
	}
	return v, err
}

// semValue is asyncio.Semaphore(value=1) or BoundedSemaphore(value=1).
type semValue struct {
	builtins.Object
	s     *loop.Semaphore
	bound builtins.BoundMethods
}

var (
	_ starlark.HasAttrs       = (*semValue)(nil)
	_ builtins.ContextManager = (*semValue)(nil)
)

func (v *semValue) String() string { return v.s.String() }

// Type returns "Semaphore" or "BoundedSemaphore".
func (v *semValue) Type() string {
	if v.s.Bounded() {
		return "BoundedSemaphore"
	}
	return "Semaphore"
}
func (v *semValue) Attr(name string) (starlark.Value, error) {
	return semMethods.Attr(&v.bound, v, name), nil
}
func (v *semValue) AttrNames() []string { return semMethods.Names() }

func (v *semValue) acquireOp() builtins.AwaitOp { return semAcquireOp{v} }
func (v *semValue) release() error              { return v.s.Release() }

// semAcquireOp is acquire(), which returns True: at once if the semaphore
// is not locked, as in CPython. A BoundedSemaphore's is named
// Semaphore.acquire too: CPython inherits it.
type semAcquireOp struct{ *semValue }

func (semAcquireOp) Qualname() string { return "Semaphore.acquire" }

func (op semAcquireOp) Await(thread *starlark.Thread, t *loop.Task, _ starlark.Tuple) (starlark.Value, error) {
	if op.s.TryAcquire() {
		return starlark.True, nil
	}
	return builtins.AwaitIn(thread, t, func() (any, error) { return trueOr(op.s.Acquire(t)) })
}

// enter acquires the semaphore (async with sem:).
func (v *semValue) Enter(thread *starlark.Thread) (starlark.Value, error) {
	return enterAcquire(thread, v)
}

// exit releases the semaphore.
func (v *semValue) Exit(thread *starlark.Thread, err error) error { return exitRelease(v, err) }

var semMethods = builtins.NewMethodSet(map[string]func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error){
	"acquire": semAcquire,
	"locked":  semLocked,
	"release": semRelease,
})

// newSemaphore returns the constructor asyncio.Semaphore(value=1), or
// BoundedSemaphore(value=1) when bounded.
func newSemaphore(bounded bool) func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error) {
	return func(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		value := 1
		if err := starlark.UnpackArgs(b.Name(), args, kwargs, "value?", &value); err != nil {
			return nil, err
		}
		o, err := builtins.NewObject(thread)
		if err != nil {
			return nil, err
		}
		s, err := loop.NewSemaphore(nil, value, bounded)
		if err != nil {
			return nil, builtins.ToException(err)
		}
		return &semValue{Object: o, s: s}, nil
	}
}

func semAcquire(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := builtins.NoArgs(b, args, kwargs); err != nil {
		return nil, err
	}
	return builtins.OpCoroutine(b.Receiver().(*semValue).acquireOp(), nil), nil
}

func semLocked(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := builtins.NoArgs(b, args, kwargs); err != nil {
		return nil, err
	}
	return starlark.Bool(b.Receiver().(*semValue).s.Locked()), nil
}

func semRelease(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := builtins.NoArgs(b, args, kwargs); err != nil {
		return nil, err
	}
	return starlark.None, builtins.ToException(b.Receiver().(*semValue).release())
}

// barrierValue is asyncio.Barrier(parties). Python's properties parties,
// n_waiting and broken are attributes.
type barrierValue struct {
	builtins.Object
	b     *loop.Barrier
	bound builtins.BoundMethods
}

var (
	_ starlark.HasAttrs       = (*barrierValue)(nil)
	_ builtins.ContextManager = (*barrierValue)(nil)
)

func (v *barrierValue) String() string { return v.b.String() }
func (v *barrierValue) Type() string   { return "Barrier" }

// Attr returns the methods and the attributes parties, n_waiting and
// broken.
func (v *barrierValue) Attr(name string) (starlark.Value, error) {
	switch name {
	case "broken":
		return starlark.Bool(v.b.Broken()), nil
	case "n_waiting":
		return starlark.MakeInt(v.b.NWaiting()), nil
	case "parties":
		return starlark.MakeInt(v.b.Parties()), nil
	}
	return barrierMethods.Attr(&v.bound, v, name), nil
}

func (v *barrierValue) AttrNames() []string {
	return barrierMethods.Names("broken", "n_waiting", "parties")
}

// enter waits at the barrier and gives the block the index wait() returns
// (async with barrier as i:).
func (v *barrierValue) Enter(thread *starlark.Thread) (starlark.Value, error) {
	if t := builtins.CurrentTask(thread); t != nil {
		return barrierWaitOp{v}.Await(thread, t, nil)
	}
	return builtins.Await(thread, builtins.OpCoroutine(barrierWaitOp{v}, nil))
}

// exit does nothing: the block's exception goes through, as in CPython.
func (v *barrierValue) Exit(thread *starlark.Thread, err error) error { return err }

var barrierMethods = builtins.NewMethodSet(map[string]func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error){
	"abort": barrierAbort,
	"reset": barrierReset,
	"wait":  barrierWait,
})

// newBarrier is asyncio.Barrier(parties).
func newBarrier(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var parties int
	if err := starlark.UnpackArgs(b.Name(), args, kwargs, "parties", &parties); err != nil {
		return nil, err
	}
	o, err := builtins.NewObject(thread)
	if err != nil {
		return nil, err
	}
	br, err := loop.NewBarrier(nil, parties)
	if err != nil {
		return nil, builtins.ToException(err)
	}
	return &barrierValue{Object: o, b: br}, nil
}

// barrierWaitOp is Barrier.wait(), which returns the task's index of
// arrival. It runs under the suspension protocol even when it need not
// wait (the last party's), as the barrier is seldom hot.
type barrierWaitOp struct{ *barrierValue }

func (barrierWaitOp) Qualname() string { return "Barrier.wait" }

func (op barrierWaitOp) Await(thread *starlark.Thread, t *loop.Task, _ starlark.Tuple) (starlark.Value, error) {
	return builtins.AwaitIn(thread, t, func() (any, error) {
		i, err := op.b.Wait(t)
		if err != nil {
			return nil, err
		}
		return starlark.MakeInt(i), nil
	})
}

// barrierResetOp is Barrier.reset(), which returns None.
type barrierResetOp struct{ *barrierValue }

func (barrierResetOp) Qualname() string { return "Barrier.reset" }

func (op barrierResetOp) Await(thread *starlark.Thread, t *loop.Task, _ starlark.Tuple) (starlark.Value, error) {
	return builtins.AwaitIn(thread, t, func() (any, error) { return nil, op.b.Reset(t) })
}

// barrierAbortOp is Barrier.abort(), which returns None.
type barrierAbortOp struct{ *barrierValue }

func (barrierAbortOp) Qualname() string { return "Barrier.abort" }

func (op barrierAbortOp) Await(thread *starlark.Thread, t *loop.Task, _ starlark.Tuple) (starlark.Value, error) {
	return builtins.AwaitIn(thread, t, func() (any, error) { return nil, op.b.Abort(t) })
}

func barrierWait(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := builtins.NoArgs(b, args, kwargs); err != nil {
		return nil, err
	}
	return builtins.OpCoroutine(barrierWaitOp{b.Receiver().(*barrierValue)}, nil), nil
}

// barrierReset is Barrier.reset(), a coroutine that returns None.
func barrierReset(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := builtins.NoArgs(b, args, kwargs); err != nil {
		return nil, err
	}
	return builtins.OpCoroutine(barrierResetOp{b.Receiver().(*barrierValue)}, nil), nil
}

// barrierAbort is Barrier.abort(), a coroutine that returns None.
func barrierAbort(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := builtins.NoArgs(b, args, kwargs); err != nil {
		return nil, err
	}
	return builtins.OpCoroutine(barrierAbortOp{b.Receiver().(*barrierValue)}, nil), nil
}
