package builtins

import (
	"errors"
	"math"
	"strings"

	"github.com/asyncrun/asyncrun/loop"
	"github.com/asyncrun/asyncrun/pyexc"
	"go.starlark.net/starlark"
)

// timeout is the value of asyncio.timeout(delay) and timeout_at(when), a
// context manager for with_ (see ContextManager) around a loop.Timeout:
// with_(asyncio.timeout(1), lambda cm: ...) is `async with
// asyncio.timeout(1) as cm:`. Its type() is "Timeout"; it is hashable by
// identity.
//
// As in CPython, it belongs to no loop until it is entered: tm is nil
// before, and when() reports the deadline as given.
type timeout struct {
	id   uint32
	when starlark.Value // the deadline, as when() returns it: None or a number
	tm   *loop.Timeout  // nil until entered
}

var (
	_ starlark.HasAttrs = (*timeout)(nil)
	_ ContextManager    = (*timeout)(nil)
)

// timeoutFn is asyncio.timeout(delay): a deadline delay seconds from the
// running loop's time (None: none). It needs a running loop, as in CPython.
func timeoutFn(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var delay starlark.Value
	if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 1, &delay); err != nil {
		return nil, err
	}
	rt := rtOf(thread)
	lv, err := rt.runningLoop()
	if err != nil {
		return nil, err
	}
	when := starlark.Value(starlark.None)
	if delay != starlark.None {
		d, err := delayArg(b.Name(), "delay", delay)
		if err != nil {
			return nil, err
		}
		when = starlark.Float(lv.l.Time() + d)
	}
	return &timeout{id: rt.nextID(), when: when}, nil
}

// timeoutAt is asyncio.timeout_at(when): a deadline in the loop's time
// (None: none). Unlike CPython, a when that is not a number is refused
// here rather than at the block's start.
func timeoutAt(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var when starlark.Value
	if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 1, &when); err != nil {
		return nil, err
	}
	if _, _, err := deadlineArg(b.Name(), when); err != nil {
		return nil, err
	}
	return &timeout{id: rtOf(thread).nextID(), when: when}, nil
}

// deadlineArg reads a deadline: None (set is false) or a number.
func deadlineArg(fn string, v starlark.Value) (when float64, set bool, err error) {
	if v == starlark.None {
		return 0, false, nil
	}
	when, err = delayArg(fn, "when", v)
	if err == nil && math.IsNaN(when) {
		err = newExc(pyexc.ValueError, "%s: when is NaN", fn)
	}
	return when, err == nil, err
}

// String returns CPython's repr: "<Timeout [created]>", "<Timeout [active]
// when=12.346>", "<Timeout [expired]>".
func (cm *timeout) String() string {
	if cm.tm == nil {
		return "<Timeout [created]>"
	}
	s := cm.tm.String()
	if i, ok := cm.when.(starlark.Int); ok && strings.HasPrefix(s, "<Timeout [active] when=") {
		s = "<Timeout [active] when=" + i.String() + ">" // round(int, 3) is the int
	}
	return s
}
func (cm *timeout) Type() string          { return "Timeout" }
func (cm *timeout) Freeze()               {}
func (cm *timeout) Truth() starlark.Bool  { return true }
func (cm *timeout) Hash() (uint32, error) { return cm.id, nil }

// Attr returns the timeout's methods.
func (cm *timeout) Attr(name string) (starlark.Value, error) {
	return timeoutMethods.attr(cm, name), nil
}

// AttrNames lists the timeout's methods.
func (cm *timeout) AttrNames() []string { return timeoutMethods.names() }

var timeoutMethods = newMethods(map[string]func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error){
	"expired":    timeoutExpired,
	"reschedule": timeoutReschedule,
	"when":       timeoutWhen,
})

func timeoutRecv(b *starlark.Builtin) *timeout { return b.Receiver().(*timeout) }

// timeoutWhen is when(): the deadline, or None.
func timeoutWhen(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := NoArgs(b, args, kwargs); err != nil {
		return nil, err
	}
	return timeoutRecv(b).when, nil
}

// timeoutExpired is expired(): whether the deadline passed in the block.
func timeoutExpired(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := NoArgs(b, args, kwargs); err != nil {
		return nil, err
	}
	cm := timeoutRecv(b)
	return starlark.Bool(cm.tm != nil && cm.tm.Expired()), nil
}

// timeoutReschedule is reschedule(when): a new deadline (None: none) for
// an active timeout; CPython's RuntimeError otherwise.
func timeoutReschedule(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var v starlark.Value
	if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 1, &v); err != nil {
		return nil, err
	}
	cm := timeoutRecv(b)
	if cm.tm == nil {
		return nil, newExc(pyexc.RuntimeError, "Timeout has not been entered")
	}
	when, set, err := deadlineArg(b.Name(), v)
	if err != nil {
		return nil, err
	}
	if err := cm.tm.Reschedule(when, set); err != nil {
		return nil, toException(err)
	}
	cm.when = v
	return starlark.None, nil
}

// enter is __aenter__: the deadline starts to count for the current task.
// With no loop running it is CPython's "no running event loop"; outside a
// task (in a callback), "Timeout should be used inside a task".
func (cm *timeout) Enter(thread *starlark.Thread) (starlark.Value, error) {
	ts := stateOf(thread)
	if cm.tm != nil {
		return nil, toException(cm.tm.Enter(nil)) // entered already: CPython's message
	}
	if ts.task == nil {
		if ts.rt.running == nil {
			return nil, newExc(pyexc.RuntimeError, "no running event loop")
		}
		return nil, newExc(pyexc.RuntimeError, "Timeout should be used inside a task")
	}
	when, set, err := deadlineArg("timeout", cm.when)
	if err != nil {
		return nil, err
	}
	cm.tm = loop.NewTimeout(ts.task.loopOf().l, when, set)
	if err := cm.tm.Enter(ts.task.f.Task()); err != nil {
		return nil, toException(err)
	}
	return cm, nil
}

// exit is __aexit__: if the deadline passed and the body raised the
// CancelledError it caused, that becomes a TimeoutError raised "from" it
// (see loop.Timeout.Exit); anything else passes as it is.
func (cm *timeout) Exit(thread *starlark.Thread, err error) error {
	xerr := cm.tm.Exit(stateOf(thread).task.f.Task(), err)
	if xerr == nil || xerr == err {
		return err
	}
	te := toException(xerr)
	var le *loop.Error
	if e, ok := te.(*exception); ok && errors.As(xerr, &le) && le.Kind == loop.TimeoutError {
		e.causeExc, _ = err.(*exception)
		e.contextExc, e.suppressContext = e.causeExc, true
	}
	return te
}
