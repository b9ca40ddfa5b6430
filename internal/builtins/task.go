package builtins

import (
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unsafe"

	"github.com/asyncrun/asyncrun/loop"
	"github.com/asyncrun/asyncrun/pyexc"
	"go.starlark.net/starlark"
)

// A task is a *future whose loop future is a *loop.Task; its body runs the
// task's coroutine on a thread and goroutine of its own.

// newTask wraps co in a Task of lv, named name or, for "", Task-N. As in
// CPython, only a task named by default uses up a number N.
func (rt *Runtime) newTask(lv *eventLoop, co *coroutine, name string) (*future, error) {
	if lv.l.IsClosed() {
		return nil, newExc(pyexc.RuntimeError, "Event loop is closed")
	}
	if err := rt.checkTaskLimit(); err != nil {
		return nil, err
	}
	if err := co.start(); err != nil {
		return nil, err
	}
	if name == "" {
		rt.taskSeq++
		name = "Task-" + strconv.Itoa(rt.taskSeq)
	}
	fv := &future{rt: rt, id: rt.nextID(), coro: co, created: rt.callerPos()}
	if vars := copyContext(rt.currentContext()); vars != nil {
		fv.more().ctx = vars
	}
	if th := rt.scriptThread(); th != nil && (rt.budgets || rt.hostContexts) {
		if ts := stateOf(th); ts != nil && ts.task != nil {
			// Created by a task: it inherits the host's Go context and
			// step budget of its creator's call.
			if g, b := ts.task.goContext(), ts.task.stepBudget(); g != nil || b != nil {
				fv.more().gctx, fv.more().budget = g, b
			}
		}
	}
	t, err := loop.NewTask(lv.l, name, taskBody)
	if err != nil {
		return nil, toException(err)
	}
	fv.f = &t.Future
	t.Value = fv
	return fv, nil
}

// checkTaskLimit fails when the runtime has Config.MaxTasks unfinished
// tasks already.
func (rt *Runtime) checkTaskLimit() error {
	if rt.cfg.MaxTasks <= 0 {
		return nil
	}
	n := 0
	for _, lv := range rt.loops {
		n += lv.l.TaskCount()
	}
	if n < rt.cfg.MaxTasks {
		return nil
	}
	e := newExc(pyexc.RuntimeError, "too many tasks: the interpreter's limit is %d unfinished tasks", rt.cfg.MaxTasks)
	e.cause = ErrTaskLimit
	return e
}

// createTask is Task(coro, name=...) and loop.create_task: coro must be a
// coroutine object (CPython's TypeError otherwise, with a hint for a
// coroutine function).
func createTask(lv *eventLoop, coro, name starlark.Value) (starlark.Value, error) {
	c, ok := coro.(*coroutine)
	if !ok {
		if cf, ok := coro.(*coroutineFunction); ok {
			return nil, newExc(pyexc.TypeError, "a coroutine was expected, got coroutine function %s; call it: %s(...)", cf.name, cf.name)
		}
		return nil, newExc(pyexc.TypeError, "a coroutine was expected, got %s", reprValue(coro))
	}
	n := ""
	if name != starlark.None {
		n = strValue(name)
	}
	return lv.rt.newTask(lv, c, n)
}

// createNamedTask is asyncio.create_task and TaskGroup.create_task: a task
// of lv named Task-N, then renamed to name if it is not None (so that, as
// in CPython, it uses up a number N either way).
func createNamedTask(lv *eventLoop, coro, name starlark.Value) (*future, error) {
	v, err := createTask(lv, coro, starlark.None)
	if err != nil {
		return nil, err
	}
	fv := v.(*future)
	if name != starlark.None {
		fv.f.Task().SetName(strValue(name))
	}
	return fv, nil
}

// taskBody is the body of every task: its future is t.Value, set before
// its first step (one function for all tasks, not a closure for each).
func taskBody(t *loop.Task) (any, error) {
	fv := t.Value.(*future)
	return fv.rt.runTask(fv, t)
}

// runTask is a task's body: run its coroutine on a new thread. Its frame
// and the ones below it are on every suspended task's stack, so the work
// before and after the coroutine is done in functions that have returned by
// then: a task that fits in 4 KB of stack costs half of one that does not.
// A coroutine written in Starlark is called from here directly, not through
// coroutine.run, for the same reason. The stack is grown to 4 KB, or to 8 KB
// for a coroutine function whose tasks run deeper, before it is deep (see
// probeStack).
func (rt *Runtime) runTask(fv *future, t *loop.Task) (any, error) {
	co := fv.coro
	if co.cf == nil {
		return rt.runNativeTask(fv, t)
	}
	// See probeStack.
	var base byte
	if co.cf.deep.Load() {
		loop.GrowStack(8192)
	} else {
		loop.GrowStack(4096)
		fv.stackBase = uintptr(unsafe.Pointer(&base))
	}
	th := rt.startTask(fv, t)
	// The arguments are dropped once passed, as in coroutine.run.
	args := co.args
	co.args = nil
	v, err := starlark.Call(th, co.cf.fn, args, co.takeKwargs())
	co.done = true
	return rt.endTask(fv, t, th, v, err)
}

// runNativeTask is runTask for a coroutine written in Go.
//
//go:noinline
func (rt *Runtime) runNativeTask(fv *future, t *loop.Task) (any, error) {
	th := rt.startTask(fv, t)
	v, err := fv.coro.runNative(th, t)
	return rt.endTask(fv, t, th, v, err)
}

//go:noinline
func (rt *Runtime) startTask(fv *future, t *loop.Task) *starlark.Thread {
	th := rt.newThread(t.Name(), fv, nil)
	fv.ts.ctx = fv.vars()
	fv.thread.Store(th)
	if fv.toplevel {
		fv.ts.toplevel = true
	}
	t.OnDestroy = cancelDestroyed
	if ra := runAbortOf(fv); ra != nil {
		ra.enter(th, t) // see RunAbort
	}
	rt.acquire(th)
	return th
}

// cancelDestroyed is every task's OnDestroy: its thread stops at its next
// step.
func cancelDestroyed(t *loop.Task) {
	if fv, ok := t.Value.(*future); ok {
		if th := fv.thread.Load(); th != nil {
			th.Cancel("event loop closed")
		}
	}
}

//go:noinline
func (rt *Runtime) endTask(fv *future, t *loop.Task, th *starlark.Thread, v starlark.Value, err error) (any, error) {
	rt.release(th)
	if ra := runAbortOf(fv); ra != nil {
		ra.leave(th)
	}
	if err == nil {
		dropState(fv, th) // see stateOf
		return v, nil
	}
	e := toException(rt.checkAbort(th, err))
	dropState(fv, th)
	var ee *starlark.EvalError
	if ex, ok := e.(*exception); ok && errors.As(err, &ee) && !ex.IsCancellation() && !fv.toplevel {
		ex.addTask(fmt.Sprintf("in task %s (%s() created at %s)", t.Name(), fv.coro.name, fv.created), ee.CallStack)
	}
	return nil, e
}

// Task stacks. A task's goroutine starts with a 4 KB stack, which a task
// suspended in await_ right in its coroutine's body fits in. Go's stacks only
// grow (by copying), and a suspended task never uses little enough of its
// stack for the garbage collector to shrink it, so a task that once ran
// deeper (a call of most builtins, or of another Starlark function, from the
// coroutine's body does) keeps 8 KB. Each task is probed at its first await:
// once a quarter of the tasks of a coroutine function have outgrown 4 KB by
// then, later tasks of that function start with 8 KB, sparing the copy of a
// deep stack. (A few tasks grow by accident, when a memory allocation takes
// the runtime's slow path while deep: a quarter is far above that.)

// stackProbed is the most a task's stack may have been used when its depth
// is probed without having moved: the size tasks start with.
const stackProbed = 4096

// probeTaskStack probes the stack of task t at its first await.
func probeTaskStack(t *loop.Task) {
	if fv, ok := t.Value.(*future); ok && fv.stackBase != 0 {
		fv.probeStack()
	}
}

// probeStack records whether the task's stack has moved (been grown) since
// its body began, at the address stackBase, and marks the coroutine
// function deep when enough of its tasks did. An unmoved stack has its
// frames within 4 KB below stackBase; after a move they are in another block
// of memory, above stackBase or farther below.
func (fv *future) probeStack() {
	var here byte
	h := uintptr(unsafe.Pointer(&here))
	cf := fv.coro.cf
	probed := cf.probed.Add(1)
	if h > fv.stackBase || fv.stackBase-h >= stackProbed {
		if grew := cf.grew.Add(1); grew >= 4 && 4*grew >= probed {
			cf.deep.Store(true)
		}
	}
	fv.stackBase = 0
}

// taskMethods are a Task's methods beside a Future's.
var taskMethods = newMethods(map[string]func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error){
	"cancelling":  taskCancelling,
	"get_coro":    taskGetCoro,
	"get_name":    taskGetName,
	"get_stack":   taskGetStack,
	"print_stack": taskPrintStack,
	"set_name":    taskSetName,
	"uncancel":    taskUncancel,
})

func taskGetName(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := NoArgs(b, args, kwargs); err != nil {
		return nil, err
	}
	return starlark.String(recv(b).f.Task().Name()), nil
}

func taskSetName(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var v starlark.Value
	if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 1, &v); err != nil {
		return nil, err
	}
	recv(b).f.Task().SetName(strValue(v))
	return starlark.None, nil
}

func taskGetCoro(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := NoArgs(b, args, kwargs); err != nil {
		return nil, err
	}
	if c := recv(b).coro; c != nil {
		return c, nil
	}
	return starlark.None, nil
}

func taskCancelling(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := NoArgs(b, args, kwargs); err != nil {
		return nil, err
	}
	return starlark.MakeInt(recv(b).f.Task().Cancelling()), nil
}

func taskUncancel(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := NoArgs(b, args, kwargs); err != nil {
		return nil, err
	}
	return starlark.MakeInt(recv(b).f.Task().Uncancel()), nil
}

// stackFrames returns a task's frames as get_stack does: the frames where a
// pending task is suspended (newest limit of them), or the traceback of a
// failed one (oldest limit of them), or nothing.
func (fv *future) stackFrames(limit int) starlark.CallStack {
	var frames starlark.CallStack
	if fv.f.Done() {
		if e, ok := toException(fv.f.PeekException()).(*exception); ok {
			for _, fr := range e.traceback {
				if fr.Pos.Filename() != "<builtin>" {
					frames = append(frames, fr)
				}
			}
			if limit >= 0 && len(frames) > limit {
				frames = frames[:limit]
			}
		}
		return frames
	}
	frames = fv.stack()
	if limit >= 0 && len(frames) > limit {
		frames = frames[len(frames)-limit:]
	}
	return frames
}

func unpackLimit(b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple, file *starlark.Value) (int, error) {
	var limit starlark.Value = starlark.None
	var err error
	if file != nil {
		err = starlark.UnpackArgs(b.Name(), args, kwargs, "limit?", &limit, "file?", file)
	} else {
		err = starlark.UnpackArgs(b.Name(), args, kwargs, "limit?", &limit)
	}
	if err != nil {
		return 0, err
	}
	if limit == starlark.None {
		return -1, nil
	}
	n, err := starlark.AsInt32(limit)
	if err != nil {
		return 0, newExc(pyexc.TypeError, "%s: limit must be an int or None", b.Name())
	}
	return max(n, 0), nil
}

func taskGetStack(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	limit, err := unpackLimit(b, args, kwargs, nil)
	if err != nil {
		return nil, err
	}
	frames := recv(b).stackFrames(limit)
	out := make([]starlark.Value, len(frames))
	for i, fr := range frames {
		out[i] = &frameValue{fr}
	}
	return starlark.NewList(out), nil
}

func taskPrintStack(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var file starlark.Value = starlark.None
	limit, err := unpackLimit(b, args, kwargs, &file)
	if err != nil {
		return nil, err
	}
	fv := recv(b)
	w, err := fv.rt.writerFor(file)
	if err != nil {
		return nil, err
	}
	frames := fv.stackFrames(limit)
	var sb strings.Builder
	switch {
	case len(frames) == 0:
		fmt.Fprintf(&sb, "No stack for %s\n", fv)
	case fv.f.Done():
		fmt.Fprintf(&sb, "Traceback for %s (most recent call last):\n", fv)
	default:
		fmt.Fprintf(&sb, "Stack for %s (most recent call last):\n", fv)
	}
	for _, fr := range frames {
		fmt.Fprintf(&sb, "  File \"%s\", line %d, in %s\n", fr.Pos.Filename(), fr.Pos.Line, fr.Name)
		if line := fv.rt.sourceLine(fr.Pos.Filename(), fr.Pos.Line); line != "" {
			fmt.Fprintf(&sb, "    %s\n", line)
		}
	}
	if fv.f.Done() {
		if e := fv.f.PeekException(); e != nil {
			sb.WriteString(toException(e).Error() + "\n")
		}
	}
	io.WriteString(w, sb.String())
	return starlark.None, nil
}

// taskClass is asyncio.Task: Task(coro, *, loop=None, name=None), with the
// seed's class functions all_tasks(loop=None) and current_task(loop=None).
func taskClass() *class {
	return &class{name: "Task", module: "_asyncio", call: newBuiltin("Task", newTaskBuiltin), attrs: starlark.StringDict{
		"all_tasks":    newBuiltin("all_tasks", tasksOfLoop(false, allTasksOf)),
		"current_task": newBuiltin("current_task", tasksOfLoop(false, currentTaskOf)),
	}}
}

func newTaskBuiltin(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var coro starlark.Value
	var lv, name starlark.Value = starlark.None, starlark.None
	if err := starlark.UnpackArgs(b.Name(), args, kwargs, "coro", &coro, "loop?", &lv, "name?", &name); err != nil {
		return nil, err
	}
	l, err := rtOf(thread).eventLoopArg(lv)
	if err != nil {
		return nil, err
	}
	return createTask(l, coro, name)
}

// tasksOfLoop returns all_tasks or current_task: of with the loop= argument,
// or, without one, the running loop (Python 3.11's module functions, which
// fail with no loop running) or the current one (the seed's Task class
// functions).
func tasksOfLoop(running bool, of func(*eventLoop) starlark.Value) func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error) {
	return func(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		var lv starlark.Value = starlark.None
		if err := starlark.UnpackArgs(b.Name(), args, kwargs, "loop?", &lv); err != nil {
			return nil, err
		}
		rt := rtOf(thread)
		var l *eventLoop
		var err error
		if running && lv == starlark.None {
			l, err = rt.runningLoop()
		} else {
			l, err = rt.eventLoopArg(lv)
		}
		if err != nil {
			return nil, err
		}
		return of(l), nil
	}
}

func allTasksOf(l *eventLoop) starlark.Value {
	tasks := l.l.Tasks()
	s := starlark.NewSet(len(tasks))
	for _, t := range tasks {
		s.Insert(l.rt.wrapFuture(&t.Future))
	}
	return s
}

func currentTaskOf(l *eventLoop) starlark.Value {
	if t := l.l.CurrentTask(); t != nil {
		return l.rt.wrapFuture(&t.Future)
	}
	return starlark.None
}
