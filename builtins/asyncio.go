package builtins

import (
	"fmt"
	"math"
	"sort"
	"sync"
	"time"

	"github.com/asyncrun/asyncrun/loop"
	"go.starlark.net/starlark"
	"go.starlark.net/starlarkstruct"
)

// asyncioModule returns the asyncio module. Its members:
//
//	ALL_COMPLETED, FIRST_COMPLETED, FIRST_EXCEPTION
//	CancelledError, InvalidStateError, TimeoutError
//	Future(*, loop=None)
//	Task(coro, *, loop=None, name=None), Task.all_tasks(loop=None), Task.current_task(loop=None)
//	all_tasks(loop=None), as_completed(fs, *, loop=None, timeout=None)
//	async_(coro_or_future, *, loop=None), coroutine(fn)
//	current_task(loop=None), ensure_future(coro_or_future, *, loop=None)
//	gather(*coros_or_futures, loop=None, return_exceptions=False)
//	get_event_loop(), get_running_loop(), iscoroutine(obj), iscoroutinefunction(obj)
//	new_event_loop(), run(coro, *, debug=None), run_coroutine_threadsafe(coro, loop)
//	set_event_loop(loop), shield(arg, *, loop=None), sleep(delay, result=None, *, loop=None)
//	wait(fs, *, loop=None, timeout=None, return_when=ALL_COMPLETED), wait_for(fut, timeout, *, loop=None)
func asyncioModule() *starlarkstruct.Module {
	task := &class{name: "Task", call: starlark.NewBuiltin("Task", newTaskBuiltin), attrs: starlark.StringDict{
		"all_tasks":    starlark.NewBuiltin("all_tasks", taskAllTasks),
		"current_task": starlark.NewBuiltin("current_task", taskCurrentTask),
	}}
	return &starlarkstruct.Module{Name: "asyncio", Members: starlark.StringDict{
		"ALL_COMPLETED":            starlark.String(loop.AllCompleted),
		"CancelledError":           exc.CancelledError,
		"FIRST_COMPLETED":          starlark.String(loop.FirstCompleted),
		"FIRST_EXCEPTION":          starlark.String(loop.FirstException),
		"Future":                   &class{name: "Future", call: starlark.NewBuiltin("Future", newFutureBuiltin)},
		"InvalidStateError":        exc.InvalidStateError,
		"Task":                     task,
		"TimeoutError":             exc.TimeoutError,
		"all_tasks":                starlark.NewBuiltin("all_tasks", allTasks),
		"as_completed":             starlark.NewBuiltin("as_completed", asCompleted),
		"async_":                   starlark.NewBuiltin("async_", ensureFuture),
		"coroutine":                starlark.NewBuiltin("coroutine", coroutine),
		"current_task":             starlark.NewBuiltin("current_task", currentTask),
		"ensure_future":            starlark.NewBuiltin("ensure_future", ensureFuture),
		"gather":                   starlark.NewBuiltin("gather", gather),
		"get_event_loop":           starlark.NewBuiltin("get_event_loop", getEventLoop),
		"get_running_loop":         starlark.NewBuiltin("get_running_loop", getRunningLoop),
		"iscoroutine":              starlark.NewBuiltin("iscoroutine", iscoroutine),
		"iscoroutinefunction":      starlark.NewBuiltin("iscoroutinefunction", iscoroutinefunction),
		"new_event_loop":           starlark.NewBuiltin("new_event_loop", newEventLoop),
		"run":                      starlark.NewBuiltin("run", run),
		"run_coroutine_threadsafe": starlark.NewBuiltin("run_coroutine_threadsafe", runCoroutineThreadsafe),
		"set_event_loop":           starlark.NewBuiltin("set_event_loop", setEventLoop),
		"shield":                   starlark.NewBuiltin("shield", shield),
		"sleep":                    &CoroutineFunction{name: "sleep", native: sleep},
		"wait":                     nativeCoro("wait", waitCoro),
		"wait_for":                 nativeCoro("wait_for", waitForCoro),
	}}
}

// class is a callable type with class attributes, such as asyncio.Task.
type class struct {
	name  string
	call  *starlark.Builtin
	attrs starlark.StringDict
}

func (c *class) Name() string          { return c.name }
func (c *class) String() string        { return "<class 'asyncio." + c.name + "'>" }
func (c *class) Type() string          { return "type" }
func (c *class) Freeze()               {}
func (c *class) Truth() starlark.Bool  { return true }
func (c *class) Hash() (uint32, error) { return starlark.String(c.name).Hash() }
func (c *class) Attr(name string) (starlark.Value, error) {
	if name == "__name__" {
		return starlark.String(c.name), nil
	}
	return c.attrs[name], nil
}
func (c *class) AttrNames() []string {
	names := append(c.attrs.Keys(), "__name__")
	sort.Strings(names)
	return names
}
func (c *class) CallInternal(thread *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	return starlark.Call(thread, c.call, args, kwargs)
}

func rtOf(thread *starlark.Thread) *Runtime { return stateOf(thread).rt }

func newFutureBuiltin(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var lv starlark.Value = starlark.None
	if err := starlark.UnpackArgs(b.Name(), args, kwargs, "loop?", &lv); err != nil {
		return nil, err
	}
	rt := rtOf(thread)
	l, err := rt.loopArg(lv)
	if err != nil {
		return nil, err
	}
	return rt.wrapFuture(loop.NewFuture(l.l)), nil
}

func newTaskBuiltin(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var coro starlark.Value
	var lv, name starlark.Value = starlark.None, starlark.None
	if err := starlark.UnpackArgs(b.Name(), args, kwargs, "coro", &coro, "loop?", &lv, "name?", &name); err != nil {
		return nil, err
	}
	l, err := rtOf(thread).loopArg(lv)
	if err != nil {
		return nil, err
	}
	return createTask(l, coro, name)
}

func ensureFuture(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var x starlark.Value
	var lv starlark.Value = starlark.None
	if err := starlark.UnpackArgs(b.Name(), args, kwargs, "coro_or_future", &x, "loop?", &lv); err != nil {
		return nil, err
	}
	rt := rtOf(thread)
	var l *Loop
	if lv != starlark.None {
		var err error
		if l, err = rt.loopArg(lv); err != nil {
			return nil, err
		}
	}
	return rt.ensureFuture(x, l)
}

// loopFor returns the loop a task-less call should use: loop= if given,
// else the current task's loop, else the current loop.
func (rt *Runtime) loopFor(thread *starlark.Thread, lv starlark.Value) (*Loop, error) {
	if lv != nil && lv != starlark.None {
		return rt.loopArg(lv)
	}
	if ts := stateOf(thread); ts.task != nil {
		return ts.task.f.Loop().Value.(*Loop), nil
	}
	return rt.getEventLoop()
}

func taskList(rt *Runtime, l *Loop) *starlark.Set {
	tasks := l.l.Tasks()
	s := starlark.NewSet(len(tasks))
	for _, t := range tasks {
		s.Insert(rt.wrapFuture(&t.Future))
	}
	return s
}

func allTasks(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var lv starlark.Value = starlark.None
	if err := starlark.UnpackArgs(b.Name(), args, kwargs, "loop?", &lv); err != nil {
		return nil, err
	}
	rt := rtOf(thread)
	var l *Loop
	var err error
	if lv == starlark.None {
		l, err = rt.runningLoop()
	} else {
		l, err = rt.loopArg(lv)
	}
	if err != nil {
		return nil, err
	}
	return taskList(rt, l), nil
}

func taskAllTasks(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var lv starlark.Value = starlark.None
	if err := starlark.UnpackArgs(b.Name(), args, kwargs, "loop?", &lv); err != nil {
		return nil, err
	}
	rt := rtOf(thread)
	l, err := rt.loopArg(lv)
	if err != nil {
		return nil, err
	}
	return taskList(rt, l), nil
}

func currentOf(l *Loop) starlark.Value {
	if t := l.l.CurrentTask(); t != nil {
		return l.rt.wrapFuture(&t.Future)
	}
	return starlark.None
}

func currentTask(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var lv starlark.Value = starlark.None
	if err := starlark.UnpackArgs(b.Name(), args, kwargs, "loop?", &lv); err != nil {
		return nil, err
	}
	rt := rtOf(thread)
	var l *Loop
	var err error
	if lv == starlark.None {
		l, err = rt.runningLoop()
	} else {
		l, err = rt.loopArg(lv)
	}
	if err != nil {
		return nil, err
	}
	return currentOf(l), nil
}

func taskCurrentTask(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var lv starlark.Value = starlark.None
	if err := starlark.UnpackArgs(b.Name(), args, kwargs, "loop?", &lv); err != nil {
		return nil, err
	}
	l, err := rtOf(thread).loopArg(lv)
	if err != nil {
		return nil, err
	}
	return currentOf(l), nil
}

func getEventLoop(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := starlark.UnpackArgs(b.Name(), args, kwargs); err != nil {
		return nil, err
	}
	return rtOf(thread).getEventLoop()
}

func getRunningLoop(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := starlark.UnpackArgs(b.Name(), args, kwargs); err != nil {
		return nil, err
	}
	return rtOf(thread).runningLoop()
}

func newEventLoop(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := starlark.UnpackArgs(b.Name(), args, kwargs); err != nil {
		return nil, err
	}
	return rtOf(thread).NewLoop(), nil
}

func setEventLoop(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var v starlark.Value
	if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 1, &v); err != nil {
		return nil, err
	}
	rt := rtOf(thread)
	switch v := v.(type) {
	case starlark.NoneType:
		rt.current, rt.unset = nil, true
	case *Loop:
		rt.current, rt.unset = v, false
	default:
		return nil, newExc(exc.TypeError, "set_event_loop: loop must be an event loop or None, got %s", v.Type())
	}
	return starlark.None, nil
}

// futuresOf ensures each awaitable of an iterable is a Future, wrapping
// coroutines in tasks; an argument seen twice gives the same future.
func (rt *Runtime) futuresOf(name string, it starlark.Value, l *Loop) ([]*Future, error) {
	switch it.(type) {
	case *Future, *Coroutine:
		return nil, newExc(exc.TypeError, "%s: expect a list of futures, not %s", name, it.Type())
	}
	iter, ok := it.(starlark.Iterable)
	if !ok {
		return nil, newExc(exc.TypeError, "%s: expect a list of futures, not %s", name, it.Type())
	}
	var xs []starlark.Value
	i := iter.Iterate()
	defer i.Done()
	var x starlark.Value
	for i.Next(&x) {
		xs = append(xs, x)
	}
	return rt.ensureAll(name, xs, l)
}

func (rt *Runtime) ensureAll(name string, xs []starlark.Value, l *Loop) ([]*Future, error) {
	seen := make(map[starlark.Value]*Future, len(xs))
	out := make([]*Future, 0, len(xs))
	for _, x := range xs {
		if f, ok := seen[x]; ok {
			out = append(out, f)
			continue
		}
		if err := checkAwaitable(x); err != nil {
			return nil, newExc(exc.TypeError, "%s: an asyncio.Future, a coroutine or an awaitable is required, got %s", name, x.Type())
		}
		f, err := rt.ensureFuture(x, l)
		if err != nil {
			return nil, err
		}
		if _, isCoro := x.(*Coroutine); isCoro {
			f.f.Task().LogDestroyPending = false
		}
		seen[x] = f
		out = append(out, f)
	}
	return out, nil
}

func loopFutures(fs []*Future) []*loop.Future {
	out := make([]*loop.Future, len(fs))
	for i, f := range fs {
		out[i] = f.f
	}
	return out
}

func gather(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var lv starlark.Value = starlark.None
	var retExc bool
	if err := starlark.UnpackArgs(b.Name(), nil, kwargs, "loop?", &lv, "return_exceptions?", &retExc); err != nil {
		return nil, err
	}
	rt := rtOf(thread)
	var l *Loop
	var err error
	if len(args) == 0 || lv != starlark.None {
		if l, err = rt.loopFor(thread, lv); err != nil {
			return nil, err
		}
	}
	fs, err := rt.ensureAll("gather", args, l)
	if err != nil {
		return nil, err
	}
	if l == nil {
		l = fs[0].f.Loop().Value.(*Loop)
	}
	return rt.wrapFuture(loop.Gather(l.l, loopFutures(fs), retExc)), nil
}

func shield(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var x, lv starlark.Value = nil, starlark.None
	if err := starlark.UnpackArgs(b.Name(), args, kwargs, "arg", &x, "loop?", &lv); err != nil {
		return nil, err
	}
	rt := rtOf(thread)
	var l *Loop
	if lv != starlark.None {
		var err error
		if l, err = rt.loopArg(lv); err != nil {
			return nil, err
		}
	}
	if err := checkAwaitable(x); err != nil {
		return nil, err
	}
	inner, err := rt.ensureFuture(x, l)
	if err != nil {
		return nil, err
	}
	return rt.wrapFuture(loop.Shield(inner.f)), nil
}

// timeoutArg reads a timeout: None is -1 (no timeout), a number at least 0.
func timeoutArg(name string, v starlark.Value) (float64, error) {
	if v == nil || v == starlark.None {
		return -1, nil
	}
	t, err := delayArg(name, "timeout", v)
	if err != nil {
		return 0, err
	}
	if math.IsNaN(t) {
		return 0, newExc(exc.ValueError, "%s: timeout is NaN", name)
	}
	return math.Max(t, 0), nil
}

// suspending runs a suspending loop operation on a task's thread, giving up
// the step budget meanwhile.
func (rt *Runtime) suspending(thread *starlark.Thread, op func() (any, error)) (starlark.Value, error) {
	rt.release(thread)
	v, err := op()
	rt.acquire(thread)
	return rt.outcome(v, err)
}

func asCompleted(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var fs, lv, tv starlark.Value = nil, starlark.None, starlark.None
	if err := starlark.UnpackArgs(b.Name(), args, kwargs, "fs", &fs, "loop?", &lv, "timeout?", &tv); err != nil {
		return nil, err
	}
	timeout, err := timeoutArg(b.Name(), tv)
	if err != nil {
		return nil, err
	}
	rt := rtOf(thread)
	l, err := rt.loopFor(thread, lv)
	if err != nil {
		return nil, err
	}
	futs, err := rt.futuresOf(b.Name(), fs, l)
	if err != nil {
		return nil, err
	}
	a := loop.NewAsCompleted(l.l, loopFutures(futs), timeout)
	out := make([]starlark.Value, a.Len())
	for i := range out {
		out[i] = &Coroutine{name: "_wait_for_one", native: func(th *starlark.Thread, t *loop.Task) (starlark.Value, error) {
			return rt.suspending(th, func() (any, error) { return a.Next(t) })
		}}
	}
	return starlark.NewList(out), nil
}

// sleep is asyncio.sleep(delay, result=None, *, loop=None). It is the
// hottest coroutine of most programs, so its coroutine object carries the
// delay itself instead of a closure.
func sleep(thread *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (*Coroutine, error) {
	if len(args) == 1 && len(kwargs) == 0 {
		return newSleep(args[0], starlark.None)
	}
	return sleepArgs(args, kwargs)
}

// sleepArgs is sleep with keyword or optional arguments. It is apart because
// unpacking takes the addresses of the variables, which would then be
// allocated on every call of sleep.
func sleepArgs(args starlark.Tuple, kwargs []starlark.Tuple) (*Coroutine, error) {
	var dv, lv starlark.Value
	var result starlark.Value = starlark.None
	if err := starlark.UnpackArgs("sleep", args, kwargs, "delay", &dv, "result?", &result, "loop?", &lv); err != nil {
		return nil, err
	}
	return newSleep(dv, result)
}

func newSleep(dv, result starlark.Value) (*Coroutine, error) {
	delay, err := delayArg("sleep", "delay", dv)
	if err != nil {
		return nil, err
	}
	if math.IsNaN(delay) {
		return nil, newExc(exc.ValueError, "sleep: delay is NaN")
	}
	return &Coroutine{name: "sleep", sleep: true, delay: delay, result: result}, nil
}

func waitCoro(thread *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (nativeBody, error) {
	var fs, lv, tv starlark.Value = nil, starlark.None, starlark.None
	var returnWhen = loop.AllCompleted
	if err := starlark.UnpackArgs("wait", args, kwargs, "fs", &fs, "loop?", &lv, "timeout?", &tv, "return_when?", &returnWhen); err != nil {
		return nil, err
	}
	timeout, err := timeoutArg("wait", tv)
	if err != nil {
		return nil, err
	}
	switch returnWhen {
	case loop.FirstCompleted, loop.FirstException, loop.AllCompleted:
	default:
		return nil, newExc(exc.ValueError, "wait: invalid return_when value: %s", returnWhen)
	}
	if _, ok := fs.(starlark.Iterable); !ok {
		return nil, newExc(exc.TypeError, "wait: expect a list of futures, not %s", fs.Type())
	}
	if n := starlark.Len(fs); n == 0 {
		return nil, newExc(exc.ValueError, "Set of Tasks/Futures is empty.")
	}
	rt := rtOf(thread)
	return func(th *starlark.Thread, t *loop.Task) (starlark.Value, error) {
		l, err := rt.loopFor(th, lv)
		if err != nil {
			return nil, err
		}
		futs, err := rt.futuresOf("wait", fs, l)
		if err != nil {
			return nil, err
		}
		rt.release(th)
		done, pending, err := loop.Wait(t, loopFutures(futs), timeout, returnWhen)
		rt.acquire(th)
		if err != nil {
			return nil, toException(err)
		}
		return starlark.Tuple{rt.futureSet(done), rt.futureSet(pending)}, nil
	}, nil
}

func (rt *Runtime) futureSet(fs []*loop.Future) *starlark.Set {
	s := starlark.NewSet(len(fs))
	for _, f := range fs {
		s.Insert(rt.wrapFuture(f))
	}
	return s
}

func waitForCoro(thread *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (nativeBody, error) {
	var x, tv, lv starlark.Value = nil, nil, starlark.None
	if err := starlark.UnpackArgs("wait_for", args, kwargs, "fut", &x, "timeout", &tv, "loop?", &lv); err != nil {
		return nil, err
	}
	timeout, err := timeoutArg("wait_for", tv)
	if err != nil {
		return nil, err
	}
	if err := checkAwaitable(x); err != nil {
		return nil, err
	}
	rt := rtOf(thread)
	return func(th *starlark.Thread, t *loop.Task) (starlark.Value, error) {
		if timeout < 0 {
			return rt.awaitInTask(th, t, x)
		}
		l, err := rt.loopFor(th, lv)
		if err != nil {
			return nil, err
		}
		f, err := rt.ensureFuture(x, l)
		if err != nil {
			return nil, err
		}
		return rt.suspending(th, func() (any, error) { return loop.WaitFor(t, f.f, timeout) })
	}, nil
}

func run(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var x, debug starlark.Value = nil, starlark.None
	if err := starlark.UnpackArgs(b.Name(), args, kwargs, "main", &x, "debug?", &debug); err != nil {
		return nil, err
	}
	rt := rtOf(thread)
	coro, ok := x.(*Coroutine)
	if !ok {
		return nil, newExc(exc.ValueError, "a coroutine was expected, got %s", x.Type())
	}
	if ts := stateOf(thread); ts.repl {
		// At the REPL prompt: run main as a task of the background loop.
		task, err := rt.newTask(ts.task.f.Loop().Value.(*Loop), coro, "")
		if err != nil {
			return nil, err
		}
		return rt.awaitInTask(thread, ts.task.f.Task(), task)
	}
	if rt.running != nil || stateOf(thread).task != nil {
		return nil, newExc(exc.RuntimeError, "asyncio.run() cannot be called from a running event loop")
	}
	lv := rt.NewLoop()
	rt.current, rt.unset = lv, false
	if debug != starlark.None {
		lv.l.SetDebug(bool(debug.Truth()))
	}
	result, err := func() (starlark.Value, error) {
		task, err := rt.newTask(lv, coro, "")
		if err != nil {
			return nil, err
		}
		return lv.runUntilComplete(thread, task)
	}()
	cerr := lv.shutdown(thread)
	rt.current, rt.unset = nil, true
	lv.l.Close()
	if err != nil {
		return nil, err
	}
	return result, cerr
}

// shutdown is what asyncio.run does after its main coroutine: cancel the
// tasks left and wait for them, then the two shutdown steps CPython runs
// (async generators, default executor), each a task of its own.
func (lv *Loop) shutdown(thread *starlark.Thread) error {
	rt := lv.rt
	if tasks := lv.l.Tasks(); len(tasks) > 0 {
		fs := make([]*loop.Future, len(tasks))
		for i, t := range tasks {
			t.Cancel("")
			fs[i] = &t.Future
		}
		if _, err := lv.runUntilComplete(thread, rt.wrapFuture(loop.Gather(lv.l, fs, true))); err != nil {
			return err
		}
		for _, t := range tasks {
			if !t.Cancelled() {
				if e, _ := t.Exception(); e != nil {
					lv.l.CallExceptionHandler(loop.ExceptionContext{Message: "unhandled exception during asyncio.run() shutdown", Err: e, Future: &t.Future})
				}
			}
		}
	}
	for _, name := range []string{"shutdown_asyncgens", "shutdown_default_executor"} {
		step := &Coroutine{name: name, native: func(*starlark.Thread, *loop.Task) (starlark.Value, error) { return starlark.None, nil }}
		if _, err := lv.runUntilComplete(thread, step); err != nil {
			return err
		}
	}
	return nil
}

// ConcurrentFuture is what run_coroutine_threadsafe returns.
type ConcurrentFuture struct {
	c  *loop.ConcurrentFuture
	rt *Runtime
	l  *Loop

	mu        sync.Mutex
	callbacks []cfCallback // script callbacks not yet run
}

type cfCallback struct {
	lv *Loop
	fn starlark.Callable
}

// takeCallbacks removes and returns the script callbacks waiting to run on
// lv: whoever takes one runs it, so each runs once.
func (cf *ConcurrentFuture) takeCallbacks(lv *Loop) []starlark.Callable {
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
	coro, ok := x.(*Coroutine)
	if !ok {
		return nil, newExc(exc.TypeError, "A coroutine object is required")
	}
	l, ok := lv.(*Loop)
	if !ok {
		return nil, newExc(exc.TypeError, "run_coroutine_threadsafe: loop must be an event loop, got %s", lv.Type())
	}
	rt := rtOf(thread)
	c := loop.NewConcurrentFuture()
	start := func() {
		// Even if c was cancelled meanwhile, the task is made and takes
		// its first step before the cancellation reaches it, as in CPython.
		task, err := rt.newTask(l, coro, "")
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
	return &ConcurrentFuture{c: c, rt: rt, l: l}, nil
}

func (cf *ConcurrentFuture) String() string {
	state := "pending"
	if cf.c.Cancelled() {
		state = "cancelled"
	} else if cf.c.Done() {
		state = "finished"
	}
	return "<Future at concurrent state=" + state + ">"
}
func (cf *ConcurrentFuture) Type() string         { return "concurrent.futures.Future" }
func (cf *ConcurrentFuture) Freeze()              {}
func (cf *ConcurrentFuture) Truth() starlark.Bool { return true }
func (cf *ConcurrentFuture) Hash() (uint32, error) {
	return 0, fmt.Errorf("unhashable: concurrent future")
}

// AttrNames lists the concurrent future's methods.
func (cf *ConcurrentFuture) AttrNames() []string {
	return []string{"add_done_callback", "cancel", "cancelled", "done", "exception", "result"}
}

// Attr returns the concurrent future's methods.
func (cf *ConcurrentFuture) Attr(name string) (starlark.Value, error) {
	switch name {
	case "add_done_callback":
		return starlark.NewBuiltin(name, cf.addDoneCallback), nil
	case "cancel", "cancelled", "done":
		return starlark.NewBuiltin(name, func(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
			if err := starlark.UnpackArgs(name, args, kwargs); err != nil {
				return nil, err
			}
			switch name {
			case "cancel":
				// As in CPython, the callbacks run at once, inside
				// cancel(), when script code of their loop cancels.
				wasDone := cf.c.Done()
				ok := cf.c.Cancel()
				if ok && !wasDone {
					if lv, err := rtOf(thread).loopFor(thread, nil); err == nil {
						for _, fn := range cf.takeCallbacks(lv) {
							lv.callFrom(thread, fn, starlark.Tuple{cf})
						}
					}
				}
				return starlark.Bool(ok), nil
			case "cancelled":
				return starlark.Bool(cf.c.Cancelled()), nil
			}
			return starlark.Bool(cf.c.Done()), nil
		}), nil
	case "result", "exception":
		return starlark.NewBuiltin(name, cf.outcome), nil
	}
	return nil, nil
}

// outcome implements result(timeout=None) and exception(timeout=None). Code
// of the runtime that owns the loop cannot block for the future (the loop
// could not run to finish it), so there a pending future fails at once: a
// TimeoutError when a timeout was given, else a RuntimeError.
func (cf *ConcurrentFuture) outcome(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var tv starlark.Value = starlark.None
	if err := starlark.UnpackArgs(b.Name(), args, kwargs, "timeout?", &tv); err != nil {
		return nil, err
	}
	timeout, err := timeoutArg(b.Name(), tv)
	if err != nil {
		return nil, err
	}
	if !cf.c.Done() && rtOf(thread) == cf.l.rt {
		if timeout < 0 {
			return nil, newExc(exc.RuntimeError, "%s: the future is not done and waiting for it here would block its own event loop forever", b.Name())
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
		if e == nil {
			return starlark.None, nil
		}
		return cf.rt.toValue(e), nil
	}
	return cf.rt.outcome(cf.c.Result(d))
}

func (cf *ConcurrentFuture) addDoneCallback(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var fn starlark.Callable
	if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 1, &fn); err != nil {
		return nil, err
	}
	rt := rtOf(thread)
	lv, err := rt.loopFor(thread, nil)
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
			lv.call(fn, starlark.Tuple{cf})
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
