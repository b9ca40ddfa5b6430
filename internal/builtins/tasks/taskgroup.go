package tasks

import (
	"github.com/asyncrun/asyncrun/internal/builtins"
	"github.com/asyncrun/asyncrun/loop"
	"github.com/asyncrun/asyncrun/pyexc"
	"go.starlark.net/starlark"
)

// taskGroup is asyncio.TaskGroup(), a context manager for with_ (see
// builtins.ContextManager) around a loop.TaskGroup: with_(asyncio.TaskGroup(),
// lambda tg: ...) is `async with asyncio.TaskGroup() as tg:`. Its type()
// is "TaskGroup"; it is hashable by identity.
//
// As in CPython, the group belongs to no loop until it is entered: then to
// the loop of the task that enters it. Before that, tg is a loop.TaskGroup
// of no loop, which refuses create_task as not entered.
type taskGroup struct {
	builtins.Object
	tg *loop.TaskGroup
	l  *loop.Loop // the loop it was entered in, nil before
}

var (
	_ starlark.HasAttrs       = (*taskGroup)(nil)
	_ builtins.ContextManager = (*taskGroup)(nil)
)

func newTaskGroup(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := builtins.NoArgs(b, args, kwargs); err != nil {
		return nil, err
	}
	o, err := builtins.NewObject(thread)
	if err != nil {
		return nil, err
	}
	return &taskGroup{Object: o, tg: loop.NewTaskGroup(nil)}, nil
}

// String returns CPython's repr: "<TaskGroup tasks=2 entered>".
func (g *taskGroup) String() string { return g.tg.String() }
func (g *taskGroup) Type() string   { return "TaskGroup" }

// Attr returns the group's methods.
func (g *taskGroup) Attr(name string) (starlark.Value, error) {
	return taskGroupMethods.Attr(g, name), nil
}

// AttrNames lists the group's methods.
func (g *taskGroup) AttrNames() []string { return taskGroupMethods.Names() }

var taskGroupMethods = builtins.NewMethods(map[string]func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error){
	"create_task": taskGroupCreateTask,
})

// enter is __aenter__: the current task becomes the group's parent. With
// no loop running it is CPython's "no running event loop"; outside a task
// (in a callback), "cannot determine the parent task".
func (g *taskGroup) Enter(thread *starlark.Thread) (starlark.Value, error) {
	t := builtins.CurrentTask(thread)
	var l *loop.Loop
	if t != nil {
		l = t.Loop()
	} else {
		var err error
		if l, err = builtins.RunningLoop(thread); err != nil {
			return nil, err
		}
	}
	if g.l == nil {
		g.l = l
		g.tg = loop.NewTaskGroup(l)
		g.tg.IsBase = isBaseError
	}
	if err := g.tg.Enter(t); err != nil {
		return nil, builtins.ToException(err)
	}
	return g, nil
}

// exit is __aexit__: it waits for the children (suspending the task) and
// raises what loop.TaskGroup.Exit returns; a group of errors becomes an
// ExceptionGroup or BaseExceptionGroup raised "from None" (see
// builtins.ToException) with err, the body's exception, as its __context__.
func (g *taskGroup) Exit(thread *starlark.Thread, err error) error {
	t := builtins.CurrentTask(thread)
	var grouped bool
	_, xerr := builtins.Suspend(thread, t, func() (any, error) {
		e := g.tg.Exit(t, err)
		_, grouped = e.(*loop.ExceptionGroup)
		return nil, e
	})
	if grouped {
		builtins.Chain(xerr, nil, err)
	}
	return xerr
}

// taskGroupCreateTask is tg.create_task(coro, *, name=None, context=None)
// (context is accepted and ignored).
func taskGroupCreateTask(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var coro starlark.Value
	var name, ctx starlark.Value = starlark.None, starlark.None
	if err := starlark.UnpackArgs(b.Name(), args, kwargs, "coro", &coro, "name?", &name, "context?", &ctx); err != nil {
		return nil, err
	}
	g := b.Receiver().(*taskGroup)
	var fv starlark.Value
	_, err := g.tg.CreateTask(func() (t *loop.Task, err error) {
		fv, t, err = builtins.CreateTask(thread, g.l, coro, name)
		return t, err
	})
	if err != nil {
		return nil, builtins.ToException(err)
	}
	return fv, nil
}

// isBaseError is a loop.TaskGroup's IsBase: as CPython's
// TaskGroup._is_base_error, whether err is a SystemExit or a
// KeyboardInterrupt, which leave the group as they are instead of in a
// group.
func isBaseError(err error) bool {
	return builtins.IsKind(err, pyexc.SystemExit) || builtins.IsKind(err, pyexc.KeyboardInterrupt)
}
