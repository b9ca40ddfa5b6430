package builtins

import (
	"github.com/asyncrun/asyncrun/loop"
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

// object is what the primitives' values share: truth, hashing by identity,
// and nothing to freeze (they change only through their methods, as
// Python's objects do).
type object struct{ id uint32 }

func (o *object) Freeze()               {}
func (o *object) Truth() starlark.Bool  { return true }
func (o *object) Hash() (uint32, error) { return o.id, nil }

// newObject returns the object part of a new value made on thread.
func newObject(thread *starlark.Thread) (object, error) {
	rt := rtOf(thread)
	if rt == nil {
		return object{}, errForeignThread
	}
	return object{rt.nextID()}, nil
}

// syncClass returns the class asyncio.NAME whose call is fn.
func syncClass(name string, fn func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error)) *class {
	return &class{name: name, call: newBuiltin(name, fn)}
}

// suspending returns the coroutine that a method CPython declares `async
// def` returns: named name (CPython's qualified name, "Lock.acquire"), its
// body runs op, a loop operation of the awaiting task, under the suspension
// protocol. op's value must be a Starlark value, or nil for None.
func suspending(name string, op func(t *loop.Task) (any, error)) *coroutine {
	return &coroutine{name: name, native: func(th *starlark.Thread, t *loop.Task) (starlark.Value, error) {
		return stateOf(th).rt.suspend(th, t, func() (any, error) { return op(t) })
	}}
}

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
	acquireCoro() *coroutine
	release() error
}

// enterAcquire is `async with a`'s entry: await a.acquire(), suspending
// the current task; the block gets None, as in CPython.
func enterAcquire(thread *starlark.Thread, a acquirer) (starlark.Value, error) {
	if _, err := await_(thread, starlark.Tuple{a.acquireCoro()}, nil); err != nil {
		return nil, err
	}
	return starlark.None, nil
}

// exitRelease is `async with a`'s exit: a.release(), letting the block's
// exception err through, unless the release fails (a RuntimeError or
// ValueError then replaces it, as in CPython).
func exitRelease(a acquirer, err error) error {
	if rerr := a.release(); rerr != nil {
		return toException(rerr)
	}
	return err
}

// lockValue is asyncio.Lock(). Its methods and with_ may be used only by
// script code of its runtime, as every value's.
type lockValue struct {
	object
	lk *loop.Lock
}

var (
	_ starlark.HasAttrs = (*lockValue)(nil)
	_ contextManager    = (*lockValue)(nil)
)

func (v *lockValue) String() string { return v.lk.String() }
func (v *lockValue) Type() string   { return "Lock" }
func (v *lockValue) Attr(name string) (starlark.Value, error) {
	return lockMethods.attr(v, name), nil
}
func (v *lockValue) AttrNames() []string { return lockMethods.names() }

func (v *lockValue) acquireCoro() *coroutine { return lockAcquireCoro(v.lk) }
func (v *lockValue) release() error          { return v.lk.Release() }

// enter acquires the lock (async with lock:).
func (v *lockValue) enter(thread *starlark.Thread) (starlark.Value, error) {
	return enterAcquire(thread, v)
}

// exit releases the lock.
func (v *lockValue) exit(thread *starlark.Thread, err error) error { return exitRelease(v, err) }

// lockAcquireCoro is the coroutine of Lock.acquire(), which returns True.
func lockAcquireCoro(lk *loop.Lock) *coroutine {
	return suspending("Lock.acquire", func(t *loop.Task) (any, error) { return trueOr(lk.Acquire(t)) })
}

var lockMethods = newMethods(map[string]func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error){
	"acquire": lockAcquire,
	"locked":  lockLocked,
	"release": lockRelease,
})

// newLock is asyncio.Lock().
func newLock(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := noArgs(b, args, kwargs); err != nil {
		return nil, err
	}
	o, err := newObject(thread)
	if err != nil {
		return nil, err
	}
	return &lockValue{o, loop.NewLock(nil)}, nil
}

func lockAcquire(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := noArgs(b, args, kwargs); err != nil {
		return nil, err
	}
	return b.Receiver().(*lockValue).acquireCoro(), nil
}

func lockLocked(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := noArgs(b, args, kwargs); err != nil {
		return nil, err
	}
	return starlark.Bool(b.Receiver().(*lockValue).lk.Locked()), nil
}

func lockRelease(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := noArgs(b, args, kwargs); err != nil {
		return nil, err
	}
	return starlark.None, toException(b.Receiver().(*lockValue).release())
}

// eventValue is asyncio.Event().
type eventValue struct {
	object
	e *loop.Event
}

var _ starlark.HasAttrs = (*eventValue)(nil)

func (v *eventValue) String() string { return v.e.String() }
func (v *eventValue) Type() string   { return "Event" }
func (v *eventValue) Attr(name string) (starlark.Value, error) {
	return eventMethods.attr(v, name), nil
}
func (v *eventValue) AttrNames() []string { return eventMethods.names() }

var eventMethods = newMethods(map[string]func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error){
	"clear":  eventClear,
	"is_set": eventIsSet,
	"set":    eventSet,
	"wait":   eventWait,
})

// newEvent is asyncio.Event().
func newEvent(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := noArgs(b, args, kwargs); err != nil {
		return nil, err
	}
	o, err := newObject(thread)
	if err != nil {
		return nil, err
	}
	return &eventValue{o, loop.NewEvent(nil)}, nil
}

func eventClear(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := noArgs(b, args, kwargs); err != nil {
		return nil, err
	}
	b.Receiver().(*eventValue).e.Clear()
	return starlark.None, nil
}

func eventIsSet(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := noArgs(b, args, kwargs); err != nil {
		return nil, err
	}
	return starlark.Bool(b.Receiver().(*eventValue).e.IsSet()), nil
}

func eventSet(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := noArgs(b, args, kwargs); err != nil {
		return nil, err
	}
	b.Receiver().(*eventValue).e.Set()
	return starlark.None, nil
}

// eventWait is Event.wait(), a coroutine that returns True.
func eventWait(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := noArgs(b, args, kwargs); err != nil {
		return nil, err
	}
	e := b.Receiver().(*eventValue).e
	return suspending("Event.wait", func(t *loop.Task) (any, error) { return trueOr(e.Wait(t)) }), nil
}

// condValue is asyncio.Condition(lock=None).
type condValue struct {
	object
	c *loop.Condition
}

var (
	_ starlark.HasAttrs = (*condValue)(nil)
	_ contextManager    = (*condValue)(nil)
)

func (v *condValue) String() string { return v.c.String() }
func (v *condValue) Type() string   { return "Condition" }
func (v *condValue) Attr(name string) (starlark.Value, error) {
	return condMethods.attr(v, name), nil
}
func (v *condValue) AttrNames() []string { return condMethods.names() }

// acquireCoro is the lock's acquire(), as CPython's Condition exports it.
func (v *condValue) acquireCoro() *coroutine { return lockAcquireCoro(v.c.Lock()) }
func (v *condValue) release() error          { return v.c.Release() }

// enter acquires the condition's lock (async with cond:).
func (v *condValue) enter(thread *starlark.Thread) (starlark.Value, error) {
	return enterAcquire(thread, v)
}

// exit releases the condition's lock.
func (v *condValue) exit(thread *starlark.Thread, err error) error { return exitRelease(v, err) }

var condMethods = newMethods(map[string]func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error){
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
		return nil, newExc(exc.TypeError, "Condition: lock must be an asyncio.Lock or None, got %s", lv.Type())
	}
	o, err := newObject(thread)
	if err != nil {
		return nil, err
	}
	return &condValue{o, loop.NewCondition(nil, lk)}, nil
}

func condAcquire(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := noArgs(b, args, kwargs); err != nil {
		return nil, err
	}
	return b.Receiver().(*condValue).acquireCoro(), nil
}

func condLocked(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := noArgs(b, args, kwargs); err != nil {
		return nil, err
	}
	return starlark.Bool(b.Receiver().(*condValue).c.Locked()), nil
}

func condRelease(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := noArgs(b, args, kwargs); err != nil {
		return nil, err
	}
	return starlark.None, toException(b.Receiver().(*condValue).release())
}

// condNotify is Condition.notify(n=1).
func condNotify(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	n := 1
	if err := starlark.UnpackArgs(b.Name(), args, kwargs, "n?", &n); err != nil {
		return nil, err
	}
	return starlark.None, toException(b.Receiver().(*condValue).c.Notify(n))
}

func condNotifyAll(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := noArgs(b, args, kwargs); err != nil {
		return nil, err
	}
	return starlark.None, toException(b.Receiver().(*condValue).c.NotifyAll())
}

// condWait is Condition.wait(), a coroutine that returns True.
func condWait(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := noArgs(b, args, kwargs); err != nil {
		return nil, err
	}
	return condWaitCoro(b.Receiver().(*condValue).c), nil
}

func condWaitCoro(c *loop.Condition) *coroutine {
	return suspending("Condition.wait", func(t *loop.Task) (any, error) { return trueOr(c.Wait(t)) })
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
	c := b.Receiver().(*condValue).c
	return &coroutine{name: "Condition.wait_for", native: func(th *starlark.Thread, t *loop.Task) (starlark.Value, error) {
		rt := stateOf(th).rt
		v, err := starlark.Call(th, pred, nil, nil)
		for err == nil && !v.Truth() {
			if _, err = rt.suspend(th, t, func() (any, error) { return nil, c.Wait(t) }); err == nil {
				v, err = starlark.Call(th, pred, nil, nil)
			}
		}
		return v, err
	}}, nil
}

// semValue is asyncio.Semaphore(value=1) or BoundedSemaphore(value=1).
type semValue struct {
	object
	s *loop.Semaphore
}

var (
	_ starlark.HasAttrs = (*semValue)(nil)
	_ contextManager    = (*semValue)(nil)
)

func (v *semValue) String() string { return v.s.String() }

// Type returns "Semaphore" or "BoundedSemaphore".
func (v *semValue) Type() string {
	if v.s.Bounded() {
		return "BoundedSemaphore"
	}
	return "Semaphore"
}
func (v *semValue) Attr(name string) (starlark.Value, error) { return semMethods.attr(v, name), nil }
func (v *semValue) AttrNames() []string                      { return semMethods.names() }

// acquireCoro is the coroutine of acquire(), which returns True. A
// BoundedSemaphore's is named Semaphore.acquire too: CPython inherits it.
func (v *semValue) acquireCoro() *coroutine {
	s := v.s
	return suspending("Semaphore.acquire", func(t *loop.Task) (any, error) { return trueOr(s.Acquire(t)) })
}
func (v *semValue) release() error { return v.s.Release() }

// enter acquires the semaphore (async with sem:).
func (v *semValue) enter(thread *starlark.Thread) (starlark.Value, error) {
	return enterAcquire(thread, v)
}

// exit releases the semaphore.
func (v *semValue) exit(thread *starlark.Thread, err error) error { return exitRelease(v, err) }

var semMethods = newMethods(map[string]func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error){
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
		o, err := newObject(thread)
		if err != nil {
			return nil, err
		}
		s, err := loop.NewSemaphore(nil, value, bounded)
		if err != nil {
			return nil, toException(err)
		}
		return &semValue{o, s}, nil
	}
}

func semAcquire(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := noArgs(b, args, kwargs); err != nil {
		return nil, err
	}
	return b.Receiver().(*semValue).acquireCoro(), nil
}

func semLocked(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := noArgs(b, args, kwargs); err != nil {
		return nil, err
	}
	return starlark.Bool(b.Receiver().(*semValue).s.Locked()), nil
}

func semRelease(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := noArgs(b, args, kwargs); err != nil {
		return nil, err
	}
	return starlark.None, toException(b.Receiver().(*semValue).release())
}

// barrierValue is asyncio.Barrier(parties). Python's properties parties,
// n_waiting and broken are attributes.
type barrierValue struct {
	object
	b *loop.Barrier
}

var (
	_ starlark.HasAttrs = (*barrierValue)(nil)
	_ contextManager    = (*barrierValue)(nil)
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
	return barrierMethods.attr(v, name), nil
}

func (v *barrierValue) AttrNames() []string {
	return barrierMethods.names("broken", "n_waiting", "parties")
}

// enter waits at the barrier and gives the block the index wait() returns
// (async with barrier as i:).
func (v *barrierValue) enter(thread *starlark.Thread) (starlark.Value, error) {
	return await_(thread, starlark.Tuple{barrierWaitCoro(v.b)}, nil)
}

// exit does nothing: the block's exception goes through, as in CPython.
func (v *barrierValue) exit(thread *starlark.Thread, err error) error { return err }

var barrierMethods = newMethods(map[string]func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error){
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
	o, err := newObject(thread)
	if err != nil {
		return nil, err
	}
	br, err := loop.NewBarrier(nil, parties)
	if err != nil {
		return nil, toException(err)
	}
	return &barrierValue{o, br}, nil
}

// barrierWaitCoro is the coroutine of Barrier.wait(), which returns the
// task's index of arrival.
func barrierWaitCoro(br *loop.Barrier) *coroutine {
	return suspending("Barrier.wait", func(t *loop.Task) (any, error) {
		i, err := br.Wait(t)
		if err != nil {
			return nil, err
		}
		return starlark.MakeInt(i), nil
	})
}

func barrierWait(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := noArgs(b, args, kwargs); err != nil {
		return nil, err
	}
	return barrierWaitCoro(b.Receiver().(*barrierValue).b), nil
}

// barrierReset is Barrier.reset(), a coroutine that returns None.
func barrierReset(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := noArgs(b, args, kwargs); err != nil {
		return nil, err
	}
	br := b.Receiver().(*barrierValue).b
	return suspending("Barrier.reset", func(t *loop.Task) (any, error) { return nil, br.Reset(t) }), nil
}

// barrierAbort is Barrier.abort(), a coroutine that returns None.
func barrierAbort(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := noArgs(b, args, kwargs); err != nil {
		return nil, err
	}
	br := b.Receiver().(*barrierValue).b
	return suspending("Barrier.abort", func(t *loop.Task) (any, error) { return nil, br.Abort(t) }), nil
}
