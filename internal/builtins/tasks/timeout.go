package tasks

import (
	"errors"
	"math"
	"strings"

	"github.com/asyncrun/asyncrun/internal/builtins"
	"github.com/asyncrun/asyncrun/loop"
	"github.com/asyncrun/asyncrun/pyexc"
	"go.starlark.net/starlark"
)

// timeout is the value of asyncio.timeout(delay) and timeout_at(when), a
// context manager for with_ (see builtins.ContextManager) around a loop.Timeout:
// with_(asyncio.timeout(1), lambda cm: ...) is `async with
// asyncio.timeout(1) as cm:`. Its type() is "Timeout"; it is hashable by
// identity.
//
// As in CPython, it belongs to no loop until it is entered: tm is nil
// before, and when() reports the deadline as given.
type timeout struct {
	builtins.Object
	when starlark.Value // the deadline, as when() returns it: None or a number
	tm   *loop.Timeout  // nil until entered
}

var (
	_ starlark.HasAttrs       = (*timeout)(nil)
	_ builtins.ContextManager = (*timeout)(nil)
)

// timeoutFn is asyncio.timeout(delay): a deadline delay seconds from the
// running loop's time (None: none). It needs a running loop, as in CPython.
func timeoutFn(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var delay starlark.Value
	if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 1, &delay); err != nil {
		return nil, err
	}
	l, err := builtins.RunningLoop(thread)
	if err != nil {
		return nil, err
	}
	when := starlark.Value(starlark.None)
	if delay != starlark.None {
		d, err := builtins.NumberArg(b.Name(), "delay", delay)
		if err != nil {
			return nil, err
		}
		when = starlark.Float(l.Time() + d)
	}
	o, err := builtins.NewObject(thread)
	if err != nil {
		return nil, err
	}
	return &timeout{Object: o, when: when}, nil
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
	o, err := builtins.NewObject(thread)
	if err != nil {
		return nil, err
	}
	return &timeout{Object: o, when: when}, nil
}

// deadlineArg reads a deadline: None (set is false) or a number.
func deadlineArg(fn string, v starlark.Value) (when float64, set bool, err error) {
	if v == starlark.None {
		return 0, false, nil
	}
	when, err = builtins.NumberArg(fn, "when", v)
	if err == nil && math.IsNaN(when) {
		err = builtins.Errorf(pyexc.ValueError, "%s: when is NaN", fn)
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
func (cm *timeout) Type() string { return "Timeout" }

// Attr returns the timeout's methods.
func (cm *timeout) Attr(name string) (starlark.Value, error) {
	return timeoutMethods.Attr(cm, name), nil
}

// AttrNames lists the timeout's methods.
func (cm *timeout) AttrNames() []string { return timeoutMethods.Names() }

var timeoutMethods = builtins.NewMethods(map[string]func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error){
	"expired":    timeoutExpired,
	"reschedule": timeoutReschedule,
	"when":       timeoutWhen,
})

func timeoutRecv(b *starlark.Builtin) *timeout { return b.Receiver().(*timeout) }

// timeoutWhen is when(): the deadline, or None.
func timeoutWhen(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := builtins.NoArgs(b, args, kwargs); err != nil {
		return nil, err
	}
	return timeoutRecv(b).when, nil
}

// timeoutExpired is expired(): whether the deadline passed in the block.
func timeoutExpired(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := builtins.NoArgs(b, args, kwargs); err != nil {
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
		return nil, builtins.Errorf(pyexc.RuntimeError, "Timeout has not been entered")
	}
	when, set, err := deadlineArg(b.Name(), v)
	if err != nil {
		return nil, err
	}
	if err := cm.tm.Reschedule(when, set); err != nil {
		return nil, builtins.ToException(err)
	}
	cm.when = v
	return starlark.None, nil
}

// enter is __aenter__: the deadline starts to count for the current task.
// With no loop running it is CPython's "no running event loop"; outside a
// task (in a callback), "Timeout should be used inside a task".
func (cm *timeout) Enter(thread *starlark.Thread) (starlark.Value, error) {
	if cm.tm != nil {
		return nil, builtins.ToException(cm.tm.Enter(nil)) // entered already: CPython's message
	}
	t := builtins.CurrentTask(thread)
	if t == nil {
		if _, err := builtins.RunningLoop(thread); err != nil {
			return nil, err
		}
		return nil, builtins.Errorf(pyexc.RuntimeError, "Timeout should be used inside a task")
	}
	when, set, err := deadlineArg("timeout", cm.when)
	if err != nil {
		return nil, err
	}
	cm.tm = loop.NewTimeout(t.Loop(), when, set)
	if err := cm.tm.Enter(t); err != nil {
		return nil, builtins.ToException(err)
	}
	return cm, nil
}

// exit is __aexit__: if the deadline passed and the body raised the
// CancelledError it caused, that becomes a TimeoutError raised "from" it
// (see loop.Timeout.Exit); anything else passes as it is.
func (cm *timeout) Exit(thread *starlark.Thread, err error) error {
	xerr := cm.tm.Exit(builtins.CurrentTask(thread), err)
	if xerr == nil || xerr == err {
		return err
	}
	te := builtins.ToException(xerr)
	var le *loop.Error
	if errors.As(xerr, &le) && le.Kind == loop.TimeoutError {
		builtins.Chain(te, err, err)
	}
	return te
}
