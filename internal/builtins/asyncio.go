package builtins

import (
	"math"
	"sort"

	"github.com/asyncrun/asyncrun/loop"
	"github.com/asyncrun/asyncrun/pyexc"
	"go.starlark.net/starlark"
	"go.starlark.net/starlarkstruct"
)

// asyncioModule returns the asyncio module. Its members:
//
//	ALL_COMPLETED, FIRST_COMPLETED, FIRST_EXCEPTION
//	BrokenBarrierError, CancelledError, IncompleteReadError, InvalidStateError, LimitOverrunError
//	QueueEmpty, QueueFull, TimeoutError
//	Barrier(parties), BoundedSemaphore(value=1), Condition(lock=None), Event(), Lock()
//	Queue(maxsize=0), PriorityQueue(maxsize=0), LifoQueue(maxsize=0), Semaphore(value=1)
//	StreamReader(limit=2**16), open_connection(host, port, *, limit, ssl), start_server(cb, host, port, *, limit, ...)
//	create_subprocess_exec(program, *args, ...), create_subprocess_shell(cmd, ...), subprocess (PIPE, STDOUT, DEVNULL)
//	Future(*, loop=None)
//	Task(coro, *, loop=None, name=None), Task.all_tasks(loop=None), Task.current_task(loop=None)
//	TaskGroup()
//	all_tasks(loop=None), as_completed(fs, *, loop=None, timeout=None)
//	async_(coro_or_future, *, loop=None), coroutine(fn), create_task(coro, *, name=None, context=None)
//	capture_call_graph(future=None, /, *, depth=1, limit=None)
//	format_call_graph(future=None, /, *, depth=1, limit=None)
//	print_call_graph(future=None, /, *, file=None, depth=1, limit=None)
//	current_task(loop=None), ensure_future(coro_or_future, *, loop=None)
//	gather(*coros_or_futures, loop=None, return_exceptions=False)
//	get_event_loop(), get_running_loop(), iscoroutine(obj), iscoroutinefunction(obj), isfuture(obj)
//	new_event_loop(), run(coro, *, debug=None), run_coroutine_threadsafe(coro, loop)
//	set_event_loop(loop), shield(arg, *, loop=None), sleep(delay, result=None, *, loop=None)
//	timeout(delay), timeout_at(when)
//	wait(fs, *, loop=None, timeout=None, return_when=ALL_COMPLETED), wait_for(fut, timeout, *, loop=None)
func asyncioModule(parts []Part) *starlarkstruct.Module {
	members := starlark.StringDict{
		"ALL_COMPLETED":            starlark.String(loop.AllCompleted),
		"FIRST_COMPLETED":          starlark.String(loop.FirstCompleted),
		"FIRST_EXCEPTION":          starlark.String(loop.FirstException),
		"Future":                   futureClass(),
		"Task":                     taskClass(),
		"all_tasks":                newBuiltin("all_tasks", tasksOfLoop(true, allTasksOf)),
		"as_completed":             newBuiltin("as_completed", asCompleted),
		"async_":                   newBuiltin("async_", ensureFuture),
		"capture_call_graph":       newBuiltin("capture_call_graph", captureCallGraph),
		"coroutine":                newBuiltin("coroutine", coroutineDecorator),
		"create_task":              newBuiltin("create_task", createTaskFn),
		"current_task":             newBuiltin("current_task", tasksOfLoop(true, currentTaskOf)),
		"ensure_future":            newBuiltin("ensure_future", ensureFuture),
		"format_call_graph":        newBuiltin("format_call_graph", formatCallGraph),
		"gather":                   newBuiltin("gather", gather),
		"get_event_loop":           newBuiltin("get_event_loop", getEventLoop),
		"get_running_loop":         newBuiltin("get_running_loop", getRunningLoop),
		"iscoroutine":              isInstance[*coroutine]("iscoroutine"),
		"iscoroutinefunction":      isInstance[*coroutineFunction]("iscoroutinefunction"),
		"isfuture":                 isInstance[*future]("isfuture"),
		"new_event_loop":           newBuiltin("new_event_loop", newEventLoop),
		"print_call_graph":         newBuiltin("print_call_graph", printCallGraph),
		"run":                      newBuiltin("run", run),
		"run_coroutine_threadsafe": newBuiltin("run_coroutine_threadsafe", runCoroutineThreadsafe),
		"set_event_loop":           newBuiltin("set_event_loop", setEventLoop),
		"shield":                   newBuiltin("shield", shield),
		"sleep":                    &coroutineFunction{name: "sleep", native: sleep},
		"wait":                     nativeCoro("wait", waitCoro),
		"wait_for":                 nativeCoro("wait_for", waitForCoro),
	}
	for name, t := range exc.members("asyncio") {
		members[name] = t
	}
	for _, p := range parts {
		for name, v := range p.Asyncio {
			members[name] = v
		}
	}
	return &starlarkstruct.Module{Name: "asyncio", Members: members}
}

// class is a callable type with class attributes, such as asyncio.Task.
type class struct {
	name   string
	module string // "" means asyncio
	call   *starlark.Builtin
	attrs  starlark.StringDict
}

func (c *class) Name() string { return c.name }
func (c *class) String() string {
	if c.module != "" {
		return "<class '" + c.module + "." + c.name + "'>"
	}
	return "<class 'asyncio." + c.name + "'>"
}
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

// rtOf returns the runtime of a thread, or nil for a thread no runtime made.
func rtOf(thread *starlark.Thread) *Runtime {
	if ts := stateOf(thread); ts != nil {
		return ts.rt
	}
	return nil
}

func ensureFuture(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var x starlark.Value
	var lv starlark.Value = starlark.None
	if err := starlark.UnpackArgs(b.Name(), args, kwargs, "coro_or_future", &x, "loop?", &lv); err != nil {
		return nil, err
	}
	rt := rtOf(thread)
	var l *eventLoop
	if lv != starlark.None {
		var err error
		if l, err = rt.eventLoopArg(lv); err != nil {
			return nil, err
		}
	}
	return rt.ensureFuture(x, l)
}

// createTaskFn is asyncio.create_task(coro, *, name=None, context=None): a
// task of the running loop (context is accepted and ignored).
func createTaskFn(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var coro starlark.Value
	var name, ctx starlark.Value = starlark.None, starlark.None
	if err := starlark.UnpackArgs(b.Name(), args, kwargs, "coro", &coro, "name?", &name, "context?", &ctx); err != nil {
		return nil, err
	}
	lv, err := rtOf(thread).runningLoop()
	if err != nil {
		return nil, err
	}
	fv, err := createNamedTask(lv, coro, name)
	if err != nil {
		return nil, err
	}
	return fv, nil
}

func getEventLoop(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := NoArgs(b, args, kwargs); err != nil {
		return nil, err
	}
	return rtOf(thread).eventLoopArg(nil)
}

func getRunningLoop(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := NoArgs(b, args, kwargs); err != nil {
		return nil, err
	}
	return rtOf(thread).runningLoop()
}

func newEventLoop(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := NoArgs(b, args, kwargs); err != nil {
		return nil, err
	}
	return rtOf(thread).newLoop(), nil
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
	case *eventLoop:
		rt.current, rt.unset = v, false
	default:
		return nil, newExc(pyexc.TypeError, "set_event_loop: loop must be an event loop or None, got %s", v.Type())
	}
	return starlark.None, nil
}

// futuresOf ensures each awaitable of an iterable is a Future, wrapping
// coroutines in tasks; an argument seen twice gives the same future.
func (rt *Runtime) futuresOf(name string, it starlark.Value, l *eventLoop) ([]*future, error) {
	switch it.(type) {
	case *future, *coroutine:
		return nil, newExc(pyexc.TypeError, "%s: expect a list of futures, not %s", name, it.Type())
	}
	iter, ok := it.(starlark.Iterable)
	if !ok {
		return nil, newExc(pyexc.TypeError, "%s: expect a list of futures, not %s", name, it.Type())
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

func (rt *Runtime) ensureAll(name string, xs []starlark.Value, l *eventLoop) ([]*future, error) {
	seen := make(map[starlark.Value]*future, len(xs))
	out := make([]*future, 0, len(xs))
	for _, x := range xs {
		if err := checkAwaitable(name, x); err != nil {
			return nil, newExc(pyexc.TypeError, "An asyncio.Future, a coroutine or an awaitable is required")
		}
		if f, ok := seen[x]; ok { // x is a *future or *coroutine: hashable
			out = append(out, f)
			continue
		}
		f, err := rt.ensureFuture(x, l)
		if err != nil {
			return nil, err
		}
		if _, isCoro := x.(*coroutine); isCoro {
			f.f.Task().LogDestroyPending = false
		}
		seen[x] = f
		out = append(out, f)
	}
	return out, nil
}

func loopFutures(fs []*future) []*loop.Future {
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
	var l *eventLoop
	var err error
	if len(args) == 0 || lv != starlark.None {
		if l, err = rt.eventLoopArg(lv); err != nil {
			return nil, err
		}
	}
	fs, err := rt.ensureAll("gather", args, l)
	if err != nil {
		return nil, err
	}
	if l == nil {
		l = fs[0].loopOf()
	}
	return rt.wrapFuture(loop.Gather(l.l, loopFutures(fs), retExc)), nil
}

func shield(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var x, lv starlark.Value = nil, starlark.None
	if err := starlark.UnpackArgs(b.Name(), args, kwargs, "arg", &x, "loop?", &lv); err != nil {
		return nil, err
	}
	rt := rtOf(thread)
	var l *eventLoop
	if lv != starlark.None {
		var err error
		if l, err = rt.eventLoopArg(lv); err != nil {
			return nil, err
		}
	}
	if err := checkAwaitable(b.Name(), x); err != nil {
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
		return 0, newExc(pyexc.ValueError, "%s: timeout is NaN", name)
	}
	return math.Max(t, 0), nil
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
	l, err := rt.eventLoopArg(lv)
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
		out[i] = &coroutine{name: "_wait_for_one", native: func(th *starlark.Thread, t *loop.Task) (starlark.Value, error) {
			return rt.suspend(th, t, func() (any, error) { return a.Next(t) })
		}}
	}
	return starlark.NewList(out), nil
}

// sleep is asyncio.sleep(delay, result=None, *, loop=None). It is the
// hottest coroutine of most programs, so its coroutine object carries the
// delay itself instead of a closure.
func sleep(thread *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (*coroutine, error) {
	if len(args) == 1 && len(kwargs) == 0 {
		return newSleep(args[0], starlark.None)
	}
	return sleepArgs(args, kwargs)
}

// sleepArgs is sleep with keyword or optional arguments. It is apart because
// unpacking takes the addresses of the variables, which would then be
// allocated on every call of sleep.
func sleepArgs(args starlark.Tuple, kwargs []starlark.Tuple) (*coroutine, error) {
	var dv, lv starlark.Value
	var result starlark.Value = starlark.None
	if err := starlark.UnpackArgs("sleep", args, kwargs, "delay", &dv, "result?", &result, "loop?", &lv); err != nil {
		return nil, err
	}
	return newSleep(dv, result)
}

func newSleep(dv, result starlark.Value) (*coroutine, error) {
	delay, err := delayArg("sleep", "delay", dv)
	if err != nil {
		return nil, err
	}
	if math.IsNaN(delay) {
		return nil, newExc(pyexc.ValueError, "sleep: delay is NaN")
	}
	return &coroutine{name: "sleep", sleep: true, delay: delay, result: result}, nil
}

func waitCoro(thread *starlark.Thread, args starlark.Tuple, kwargs []starlark.Tuple) (nativeBody, error) {
	var fs, lv, tv starlark.Value = nil, starlark.None, starlark.None
	var rw starlark.Value = starlark.String(loop.AllCompleted)
	if err := starlark.UnpackArgs("wait", args, kwargs, "fs", &fs, "loop?", &lv, "timeout?", &tv, "return_when?", &rw); err != nil {
		return nil, err
	}
	timeout, err := timeoutArg("wait", tv)
	if err != nil {
		return nil, err
	}
	returnWhen, _ := starlark.AsString(rw)
	switch returnWhen {
	case loop.FirstCompleted, loop.FirstException, loop.AllCompleted:
	default:
		return nil, newExc(pyexc.ValueError, "Invalid return_when value: %s", strValue(rw))
	}
	if _, ok := fs.(starlark.Iterable); !ok {
		return nil, newExc(pyexc.TypeError, "wait: expect a list of futures, not %s", fs.Type())
	}
	if n := starlark.Len(fs); n == 0 {
		return nil, newExc(pyexc.ValueError, "Set of Tasks/Futures is empty.")
	}
	rt := rtOf(thread)
	return func(th *starlark.Thread, t *loop.Task) (starlark.Value, error) {
		l, err := rt.eventLoopArg(lv)
		if err != nil {
			return nil, err
		}
		futs, err := rt.futuresOf("wait", fs, l)
		if err != nil {
			return nil, err
		}
		return rt.suspend(th, t, func() (any, error) {
			done, pending, err := loop.Wait(t, loopFutures(futs), timeout, returnWhen)
			if err != nil {
				return nil, err
			}
			return starlark.Tuple{rt.futureSet(done), rt.futureSet(pending)}, nil
		})
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
	if err := checkAwaitable("wait_for", x); err != nil {
		return nil, err
	}
	rt := rtOf(thread)
	return func(th *starlark.Thread, t *loop.Task) (starlark.Value, error) {
		if timeout < 0 {
			return rt.awaitInTask(th, t, x)
		}
		l, err := rt.eventLoopArg(lv)
		if err != nil {
			return nil, err
		}
		f, err := rt.ensureFuture(x, l)
		if err != nil {
			return nil, err
		}
		return rt.suspend(th, t, func() (any, error) { return loop.WaitFor(t, f.f, timeout) })
	}, nil
}

// run is asyncio.run(main, *, debug=None): a Runner's run, then its close.
func run(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var x, debug starlark.Value = nil, starlark.None
	if err := starlark.UnpackArgs(b.Name(), args, kwargs, "main", &x, "debug?", &debug); err != nil {
		return nil, err
	}
	rt := rtOf(thread)
	if ts := stateOf(thread); ts.task != nil && inHostedTask(thread, ts.task.loopOf()) {
		// In top-level code of a hosted loop: run main as a task of it.
		coro, ok := x.(*coroutine)
		if !ok {
			return nil, newExc(pyexc.ValueError, "a coroutine was expected, got %s", reprValue(x))
		}
		task, err := rt.newTask(ts.task.loopOf(), coro, "")
		if err != nil {
			return nil, err
		}
		return rt.awaitInTask(thread, ts.task.f.Task(), task)
	}
	if rt.running != nil || stateOf(thread).task != nil {
		return nil, newExc(pyexc.RuntimeError, "asyncio.run() cannot be called from a running event loop")
	}
	r := &Runner{rt: rt, debug: debug}
	result, err := r.Run(thread, x)
	if cerr := r.Close(thread); err == nil {
		err = cerr
	}
	return result, err
}

// shutdown is what asyncio.run does after its main coroutine: cancel the
// tasks left and wait for them, then the two shutdown steps CPython runs
// (async generators, default executor), each a task of its own.
func (lv *eventLoop) shutdown(thread *starlark.Thread) error {
	rt := lv.rt
	if tasks := lv.l.Tasks(); len(tasks) > 0 {
		fs := make([]*loop.Future, len(tasks))
		for i, t := range tasks {
			t.Cancel(nil)
			fs[i] = &t.Future
		}
		if _, err := lv.runUntilComplete(thread, rt.wrapFuture(loop.Gather(lv.l, fs, true))); err != nil {
			return err
		}
		for _, t := range tasks {
			if !t.Cancelled() {
				if e, _ := t.Exception(); e != nil {
					ctx := lv.contextDict(loop.ExceptionContext{Message: "unhandled exception during asyncio.run() shutdown", Err: e})
					ctx.SetKey(starlark.String("task"), rt.wrapFuture(&t.Future))
					lv.callHandler(nil, ctx)
				}
			}
		}
	}
	for _, name := range []string{"shutdown_asyncgens", "shutdown_default_executor"} {
		step := &coroutine{name: name, native: func(*starlark.Thread, *loop.Task) (starlark.Value, error) { return starlark.None, nil }}
		if _, err := lv.runUntilComplete(thread, step); err != nil {
			return err
		}
	}
	return nil
}
