package builtins

import (
	"context"
	"fmt"
	"strings"
	"sync/atomic"

	"github.com/asyncrun/asyncrun/loop"
	"github.com/asyncrun/asyncrun/pyexc"
	"go.starlark.net/starlark"
	"go.starlark.net/syntax"
)

// future is an asyncio Future or Task as scripts see it. Its type() is
// "Future" or "Task"; it is hashable by identity.
type future struct {
	f        *loop.Future
	rt       *Runtime
	id       uint32
	toplevel bool                            // a host's submission: see threadState.toplevel
	inRepr   bool                            // String is running: see String
	coro     *coroutine                      // tasks only
	thread   atomic.Pointer[starlark.Thread] // tasks only, once started
	ts       *threadState                    // tasks only, while the body runs: its thread's (see taskState)
	created  syntax.Position                 // tasks only: where the task was made
	// stackBase is where a task's body began on its stack (see probeStack).
	stackBase uintptr
	// extra holds what few tasks have, so that every future stays small.
	extra *taskExtra
}

// taskExtra is the state of a task that most tasks do without.
type taskExtra struct {
	ctx    *Context        // the task's context variables (nil: empty)
	gctx   context.Context // the host's Go context, if any (see Code)
	budget *callBudget     // the host call's step budget, if any (see Code)
}

// more returns the task's extra state, made on first use.
func (fv *future) more() *taskExtra {
	if fv.extra == nil {
		fv.extra = &taskExtra{}
	}
	return fv.extra
}

// vars, goContext and budget return the task's extra state, or nil.
func (fv *future) vars() *Context {
	if fv.extra == nil {
		return nil
	}
	return fv.extra.ctx
}

func (fv *future) goContext() context.Context {
	if fv.extra == nil {
		return nil
	}
	return fv.extra.gctx
}

func (fv *future) stepBudget() *callBudget {
	if fv.extra == nil {
		return nil
	}
	return fv.extra.budget
}

var _ starlark.HasAttrs = (*future)(nil)

// wrapFuture returns the script value of f, making it on first use.
func (rt *Runtime) wrapFuture(f *loop.Future) *future {
	if fv, ok := f.Value.(*future); ok {
		return fv
	}
	fv := &future{f: f, rt: rt, id: rt.nextID()}
	f.Value = fv
	return fv
}

// loopOf returns the script value of the loop of f.
func (fv *future) loopOf() *eventLoop { return loopValue(fv.f.Loop()) }

func (fv *future) Type() string {
	if fv.f.Task() != nil {
		return "Task"
	}
	return "Future"
}
func (fv *future) Freeze()               {}
func (fv *future) Truth() starlark.Bool  { return true }
func (fv *future) Hash() (uint32, error) { return fv.id, nil }

// maxWaitDepth is how many wait_for= a repr nests before it writes
// "<...>": a chain of a thousand tasks each awaiting the next would
// otherwise make each report as long as the chain.
const maxWaitDepth = 8

// String returns a repr like CPython's: <Future pending>, <Future finished
// result=1>, <Task pending name='Task-1' coro=<main() running at x.star:3>>.
// The result is shortened as CPython's reprlib.repr shortens it (result=[0,
// 1, 2, 3, 4, 5, ...]); an exception is written in full. A repr that reaches the future again (a result that contains it, tasks
// that await each other) shows "..." there, as CPython's does; a chain of
// tasks awaiting tasks is shown maxWaitDepth deep.
func (fv *future) String() string {
	if fv.inRepr {
		return "..."
	}
	fv.inRepr = true
	defer func() { fv.inRepr = false }()
	f := fv.f
	var b strings.Builder
	b.WriteString("<" + fv.Type() + " ")
	state := strings.ToLower(f.State().String())
	if t := f.Task(); t != nil {
		if t.Cancelling() > 0 && !f.Done() {
			state = "cancelling"
		}
		fmt.Fprintf(&b, "%s name=%s coro=<%s>", state, pyQuote(t.Name()), fv.coroDesc())
		if w := t.Waiter(); w != nil {
			if fv.rt.waitDepth.Add(1) > maxWaitDepth {
				b.WriteString(" wait_for=<...>")
			} else {
				fmt.Fprintf(&b, " wait_for=%s", fv.rt.wrapFuture(w).String())
			}
			fv.rt.waitDepth.Add(-1)
		}
	} else {
		b.WriteString(state)
	}
	if !f.Done() {
		if cb := callbacksDesc(f.CallbackKeys()); cb != "" {
			b.WriteString(" cb=[" + cb + "]")
		}
	}
	if f.State() == loop.Finished {
		if e := f.PeekException(); e != nil {
			if ex, ok := toException(e).(*exception); ok {
				b.WriteString(" exception=" + ex.repr())
			} else {
				b.WriteString(" exception=" + e.Error())
			}
		} else {
			v, _ := f.Result()
			b.WriteString(" result=" + shortReprValue(fv.rt.toValue(v)))
		}
	}
	b.WriteString(">")
	return b.String()
}

// callbacksDesc lists a pending future's done callbacks as CPython's repr
// does ("Task.task_wakeup()", "TaskGroup._on_task_done()", "got_result()
// at x.star:9"; more than two as first, <N more>, last). Callbacks the
// runtime added for itself (gather's, shield's) have no key and are left
// out.
func callbacksDesc(keys []any) string {
	var names []string
	for _, k := range keys {
		switch k := k.(type) {
		case *loop.Task:
			names = append(names, "Task.task_wakeup()")
		case *loop.TaskGroup:
			names = append(names, "TaskGroup._on_task_done()")
		case *starlark.Function:
			pos := k.Position()
			names = append(names, fmt.Sprintf("%s() at %s:%d", k.Name(), pos.Filename(), pos.Line))
		case starlark.Callable:
			names = append(names, k.Name()+"()")
		}
	}
	switch n := len(names); {
	case n == 0:
		return ""
	case n > 2:
		return fmt.Sprintf("%s, <%d more>, %s", names[0], n-2, names[n-1])
	}
	return strings.Join(names, ", ")
}

// coroDesc describes a task's coroutine: "main() running at x.star:3" or
// "main() done, defined at x.star:1".
func (fv *future) coroDesc() string {
	c := fv.coro
	if c == nil {
		return "?"
	}
	if c.done || fv.f.Done() {
		if pos, ok := c.defPos(); ok {
			return fmt.Sprintf("%s() done, defined at %s:%d", c.name, pos.Filename(), pos.Line)
		}
		return c.name + "() done"
	}
	if fr, ok := fv.topFrame(); ok {
		return fmt.Sprintf("%s() running at %s:%d", c.name, fr.Pos.Filename(), fr.Pos.Line)
	}
	if pos, ok := c.defPos(); ok {
		return fmt.Sprintf("%s() running at %s:%d", c.name, pos.Filename(), pos.Line)
	}
	return c.name + "() running"
}

// topFrame returns the frame of the task's coroutine function where it is
// suspended now.
func (fv *future) topFrame() (starlark.CallFrame, bool) {
	stack := fv.stack()
	if len(stack) == 0 {
		return starlark.CallFrame{}, false
	}
	return stack[0], true
}

// stack returns the frame get_stack() gives for a pending task.
//
// As in CPython, that is the frame of the task's own coroutine only, not of
// the coroutines it awaits: where it is suspended, or its def line if it has
// not started.
func (fv *future) stack() starlark.CallStack {
	if fv.f.Done() || fv.coro == nil || fv.coro.native != nil {
		return nil
	}
	th := fv.thread.Load()
	if th == nil {
		if pos, ok := fv.coro.defPos(); ok {
			return starlark.CallStack{{Name: fv.coro.name, Pos: pos}}
		}
		return nil
	}
	for _, fr := range th.CallStack() {
		if fr.Pos.Filename() != "<builtin>" {
			return starlark.CallStack{fr}
		}
	}
	return nil
}

// Attr returns the methods of a Future, and of a Task.
func (fv *future) Attr(name string) (starlark.Value, error) {
	if m := futureMethods.attr(fv, name); m != nil {
		return m, nil
	}
	if fv.f.Task() != nil {
		return taskMethods.attr(fv, name), nil
	}
	return nil, nil
}

// AttrNames lists the methods.
func (fv *future) AttrNames() []string {
	if fv.f.Task() != nil {
		return futureMethods.names(taskMethods.names()...)
	}
	return futureMethods.names()
}

var futureMethods = newMethods(map[string]func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error){
	"add_done_callback":    futureAddDoneCallback,
	"cancel":               futureCancel,
	"cancelled":            futureCancelled,
	"done":                 futureDone,
	"exception":            futureException,
	"get_loop":             futureGetLoop,
	"remove_done_callback": futureRemoveDoneCallback,
	"result":               futureResult,
	"set_exception":        futureSetException,
	"set_result":           futureSetResult,
})

func recv(b *starlark.Builtin) *future { return b.Receiver().(*future) }

func futureCancel(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var msg starlark.Value = starlark.None
	if err := starlark.UnpackArgs(b.Name(), args, kwargs, "msg?", &msg); err != nil {
		return nil, err
	}
	var m any
	if msg != starlark.None {
		m = msg
	}
	return starlark.Bool(recv(b).f.Cancel(m)), nil
}

func futureCancelled(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := NoArgs(b, args, kwargs); err != nil {
		return nil, err
	}
	return starlark.Bool(recv(b).f.Cancelled()), nil
}

func futureDone(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := NoArgs(b, args, kwargs); err != nil {
		return nil, err
	}
	return starlark.Bool(recv(b).f.Done()), nil
}

func futureResult(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := NoArgs(b, args, kwargs); err != nil {
		return nil, err
	}
	fv := recv(b)
	return fv.rt.outcome(fv.f.Result())
}

func futureException(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := NoArgs(b, args, kwargs); err != nil {
		return nil, err
	}
	fv := recv(b)
	e, err := fv.f.Exception()
	if err != nil {
		return nil, toException(err)
	}
	return fv.rt.toValue(e), nil
}

// settable reads the one argument of set_result or set_exception, which a
// Task refuses.
func settable(b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (*future, starlark.Value, error) {
	var v starlark.Value
	if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 1, &v); err != nil {
		return nil, nil, err
	}
	fv := recv(b)
	if fv.f.Task() != nil {
		return nil, nil, newExc(pyexc.RuntimeError, "Task does not support %s operation", b.Name())
	}
	return fv, v, nil
}

func futureSetResult(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	fv, v, err := settable(b, args, kwargs)
	if err != nil {
		return nil, err
	}
	return starlark.None, toException(fv.f.SetResult(v))
}

func futureSetException(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	fv, v, err := settable(b, args, kwargs)
	if err != nil {
		return nil, err
	}
	var e *exception
	switch v := v.(type) {
	case *exception:
		e = v
	case *exceptionType:
		e = &exception{typ: v}
	default:
		return nil, newExc(pyexc.TypeError, "set_exception: expected an exception, got %s", v.Type())
	}
	return starlark.None, toException(fv.f.SetException(e))
}

func futureGetLoop(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := NoArgs(b, args, kwargs); err != nil {
		return nil, err
	}
	return recv(b).loopOf(), nil
}

func futureAddDoneCallback(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var fn starlark.Callable
	var ctx starlark.Value
	if err := starlark.UnpackArgs(b.Name(), args, kwargs, "fn", &fn, "context?", &ctx); err != nil {
		return nil, err
	}
	fv := recv(b)
	lv := fv.loopOf()
	if vars := copyContext(fv.rt.currentContext()); vars != nil {
		fv.f.AddDoneCallback(func(f *loop.Future) { lv.call(vars, fn, starlark.Tuple{fv.rt.wrapFuture(f)}) }, fn)
		return starlark.None, nil
	}
	fv.f.AddDoneCallback(func(f *loop.Future) {
		lv.call(nil, fn, starlark.Tuple{fv.rt.wrapFuture(f)})
	}, fn)
	return starlark.None, nil
}

func futureRemoveDoneCallback(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var fn starlark.Value
	if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 1, &fn); err != nil {
		return nil, err
	}
	n := recv(b).f.RemoveDoneCallback(func(k any) bool {
		kv, ok := k.(starlark.Value)
		if !ok {
			return false
		}
		eq, err := starlark.Equal(kv, fn)
		return err == nil && eq
	})
	return starlark.MakeInt(n), nil
}

// futureClass is asyncio.Future(*, loop=None).
func futureClass() *class {
	return &class{name: "Future", module: "_asyncio", call: newBuiltin("Future", newFutureBuiltin)}
}

func newFutureBuiltin(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var lv starlark.Value = starlark.None
	if err := starlark.UnpackArgs(b.Name(), args, kwargs, "loop?", &lv); err != nil {
		return nil, err
	}
	rt := rtOf(thread)
	l, err := rt.eventLoopArg(lv)
	if err != nil {
		return nil, err
	}
	return rt.wrapFuture(loop.NewFuture(l.l)), nil
}
