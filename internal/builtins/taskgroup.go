package builtins

import (
	"errors"

	"github.com/asyncrun/asyncrun/loop"
	"github.com/asyncrun/asyncrun/pyexc"
	"go.starlark.net/starlark"
)

// taskGroup is asyncio.TaskGroup(), a context manager for with_ (see
// ContextManager) around a loop.TaskGroup: with_(asyncio.TaskGroup(),
// lambda tg: ...) is `async with asyncio.TaskGroup() as tg:`. Its type()
// is "TaskGroup"; it is hashable by identity.
//
// As in CPython, the group belongs to no loop until it is entered: then to
// the loop of the task that enters it. Before that, tg is a loop.TaskGroup
// of no loop, which refuses create_task as not entered.
type taskGroup struct {
	id uint32
	tg *loop.TaskGroup
	lv *eventLoop // the loop it was entered in, nil before
}

var (
	_ starlark.HasAttrs = (*taskGroup)(nil)
	_ ContextManager    = (*taskGroup)(nil)
)

// taskGroupClass is asyncio.TaskGroup.
func taskGroupClass() *class {
	return &class{name: "TaskGroup", call: newBuiltin("TaskGroup", newTaskGroup)}
}

func newTaskGroup(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := NoArgs(b, args, kwargs); err != nil {
		return nil, err
	}
	return &taskGroup{id: rtOf(thread).nextID(), tg: loop.NewTaskGroup(nil)}, nil
}

// String returns CPython's repr: "<TaskGroup tasks=2 entered>".
func (g *taskGroup) String() string        { return g.tg.String() }
func (g *taskGroup) Type() string          { return "TaskGroup" }
func (g *taskGroup) Freeze()               {}
func (g *taskGroup) Truth() starlark.Bool  { return true }
func (g *taskGroup) Hash() (uint32, error) { return g.id, nil }

// Attr returns the group's methods.
func (g *taskGroup) Attr(name string) (starlark.Value, error) {
	return taskGroupMethods.attr(g, name), nil
}

// AttrNames lists the group's methods.
func (g *taskGroup) AttrNames() []string { return taskGroupMethods.names() }

var taskGroupMethods = newMethods(map[string]func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error){
	"create_task": taskGroupCreateTask,
})

// enter is __aenter__: the current task becomes the group's parent. With
// no loop running it is CPython's "no running event loop"; outside a task
// (in a callback), "cannot determine the parent task".
func (g *taskGroup) Enter(thread *starlark.Thread) (starlark.Value, error) {
	ts := stateOf(thread)
	var t *loop.Task
	lv := ts.rt.running
	if ts.task != nil {
		t, lv = ts.task.f.Task(), ts.task.loopOf()
	}
	if lv == nil {
		return nil, newExc(pyexc.RuntimeError, "no running event loop")
	}
	if g.lv == nil {
		g.lv = lv
		g.tg = loop.NewTaskGroup(lv.l)
		g.tg.IsBase = isBaseError
	}
	if err := g.tg.Enter(t); err != nil {
		return nil, toException(err)
	}
	return g, nil
}

// exit is __aexit__: it waits for the children (suspending the task) and
// raises what loop.TaskGroup.Exit returns; a group of errors becomes an
// ExceptionGroup or BaseExceptionGroup raised "from None" (see toException)
// with err, the body's exception, as its __context__.
func (g *taskGroup) Exit(thread *starlark.Thread, err error) error {
	ts := stateOf(thread)
	t := ts.task.f.Task()
	var grouped bool
	_, xerr := ts.rt.suspend(thread, t, func() (any, error) {
		e := g.tg.Exit(t, err)
		_, grouped = e.(*loop.ExceptionGroup)
		return nil, e
	})
	if ge, ok := xerr.(*exception); ok && grouped {
		ge.suppressContext = true
		ge.contextExc, _ = err.(*exception)
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
	var fv *future
	_, err := g.tg.CreateTask(func() (*loop.Task, error) {
		var err error
		if fv, err = createNamedTask(g.lv, coro, name); err != nil {
			return nil, err
		}
		return fv.f.Task(), nil
	})
	if err != nil {
		return nil, toException(err)
	}
	return fv, nil
}

// isBaseError is a loop.TaskGroup's IsBase: as CPython's
// TaskGroup._is_base_error, whether err is a SystemExit or a
// KeyboardInterrupt, which leave the group as they are instead of in a
// group.
func isBaseError(err error) bool {
	var e *exception
	if !errors.As(err, &e) {
		return false
	}
	return e.typ.isSubtype(exc[pyexc.SystemExit]) || e.typ.isSubtype(exc[pyexc.KeyboardInterrupt])
}
