package builtins

import (
	"errors"
	"fmt"
	"sort"
	"strconv"
	"strings"
	"unsafe"

	"github.com/asyncrun/asyncrun/loop"
	"go.starlark.net/starlark"
	"go.starlark.net/syntax"
)

// Loop is an event loop as scripts see it.
type Loop struct {
	l        *loop.Loop
	rt       *Runtime
	id       uint32
	cbThread *starlark.Thread // runs the loop's plain callbacks
	fatal    error            // an interrupt met in a callback: ends the run

	// background marks a loop the REPL runs between prompts: stop() and
	// close() from the prompt do not end it.
	background      bool
	replStop        *loop.Future // resolved by stop() for a run_forever() at the prompt
	replStopPending bool         // stop() was called with no run_forever() waiting
}

// SetBackground marks the loop as the REPL's: it keeps running between
// prompts, loop.stop() and loop.close() called by script code leave it
// running, and run_until_complete()/run_forever() at the prompt wait inside
// the statement's task instead of running the loop. Call it on the loop's
// goroutine.
func (lv *Loop) SetBackground(on bool) { lv.background = on }

var _ starlark.HasAttrs = (*Loop)(nil)

// Loop returns the underlying loop.
func (lv *Loop) Loop() *loop.Loop { return lv.l }

// NewLoop makes a new event loop of the runtime, as asyncio.new_event_loop.
func (rt *Runtime) NewLoop() *Loop {
	l := loop.New(loop.Options{Clock: rt.clock, Stderr: rt.stderr, Debug: rt.cfg.Debug})
	lv := &Loop{l: l, rt: rt, id: rt.nextID()}
	l.Value = lv
	lv.cbThread = rt.newThread("callbacks", nil, lv)
	l.SetExceptionHandler(lv.report)
	rt.mu.Lock()
	rt.loops = append(rt.loops, lv)
	rt.mu.Unlock()
	return lv
}

func (rt *Runtime) debugOn() bool {
	if rt.cfg.Debug {
		return true
	}
	if rt.running != nil {
		return rt.running.l.Debug()
	}
	return false
}

// getEventLoop is asyncio.get_event_loop: the running loop, else the current
// one, made on first use unless set_event_loop(None) was called.
func (rt *Runtime) getEventLoop() (*Loop, error) {
	if rt.running != nil {
		return rt.running, nil
	}
	if rt.current == nil {
		if rt.unset {
			return nil, newExc(exc.RuntimeError, "There is no current event loop in thread 'MainThread'.")
		}
		rt.current = rt.NewLoop()
	}
	return rt.current, nil
}

// CurrentLoop returns the loop get_event_loop would return, making one if
// needed.
func (rt *Runtime) CurrentLoop() (*Loop, error) { return rt.getEventLoop() }

// runningLoop is asyncio.get_running_loop.
func (rt *Runtime) runningLoop() (*Loop, error) {
	if rt.running == nil {
		return nil, newExc(exc.RuntimeError, "no running event loop")
	}
	return rt.running, nil
}

// loopArg resolves a loop= argument: None means the current loop.
func (rt *Runtime) loopArg(v starlark.Value) (*Loop, error) {
	switch v := v.(type) {
	case nil, starlark.NoneType:
		return rt.getEventLoop()
	case *Loop:
		return v, nil
	}
	return nil, newExc(exc.TypeError, "loop must be an event loop or None, got %s", v.Type())
}

// Close closes every loop of the runtime that is still open, reporting
// pending tasks and unretrieved exceptions, and, in debug mode, coroutines
// that were never awaited.
func (rt *Runtime) Close() {
	rt.hostCancel()
	rt.hostWG.Wait()
	for _, lv := range rt.loops {
		if !lv.l.IsClosed() && !lv.l.IsRunning() {
			lv.l.Close()
		} else {
			lv.l.ReportUnretrieved()
		}
	}
	for _, c := range rt.coros {
		if !c.started {
			fmt.Fprintf(rt.stderr, "RuntimeWarning: coroutine '%s' was never awaited (created at %s)\n", c.name, c.created)
		}
	}
	rt.coros = nil
}

func (lv *Loop) String() string {
	state := "running=False"
	if lv.l.IsRunning() {
		state = "running=True"
	}
	return fmt.Sprintf("<_UnixSelectorEventLoop %s closed=%s debug=%s>", state, pyBool(lv.l.IsClosed()), pyBool(lv.l.Debug()))
}

func pyBool(b bool) string {
	if b {
		return "True"
	}
	return "False"
}

func (lv *Loop) Type() string          { return "EventLoop" }
func (lv *Loop) Freeze()               {}
func (lv *Loop) Truth() starlark.Bool  { return true }
func (lv *Loop) Hash() (uint32, error) { return lv.id, nil }

// Attr returns the loop's methods.
func (lv *Loop) Attr(name string) (starlark.Value, error) {
	if m, ok := loopMethods[name]; ok {
		return m.BindReceiver(lv), nil
	}
	return nil, nil
}

// AttrNames lists the loop's methods.
func (lv *Loop) AttrNames() []string {
	names := make([]string, 0, len(loopMethods))
	for n := range loopMethods {
		names = append(names, n)
	}
	sort.Strings(names)
	return names
}

var loopMethods = map[string]*starlark.Builtin{
	"call_at":              starlark.NewBuiltin("call_at", loopCallAt),
	"call_later":           starlark.NewBuiltin("call_later", loopCallLater),
	"call_soon":            starlark.NewBuiltin("call_soon", loopCallSoon),
	"call_soon_threadsafe": starlark.NewBuiltin("call_soon_threadsafe", loopCallSoonThreadsafe),
	"close":                starlark.NewBuiltin("close", loopClose),
	"create_future":        starlark.NewBuiltin("create_future", loopCreateFuture),
	"create_task":          starlark.NewBuiltin("create_task", loopCreateTask),
	"get_debug":            starlark.NewBuiltin("get_debug", loopGetDebug),
	"is_closed":            starlark.NewBuiltin("is_closed", loopIsClosed),
	"is_running":           starlark.NewBuiltin("is_running", loopIsRunning),
	"run_forever":          starlark.NewBuiltin("run_forever", loopRunForever),
	"run_until_complete":   starlark.NewBuiltin("run_until_complete", loopRunUntilComplete),
	"set_debug":            starlark.NewBuiltin("set_debug", loopSetDebug),
	"stop":                 starlark.NewBuiltin("stop", loopStop),
	"time":                 starlark.NewBuiltin("time", loopTime),
}

func loopRecv(b *starlark.Builtin) *Loop { return b.Receiver().(*Loop) }

// call runs a plain callback on the loop's callback thread; an exception is
// reported, not raised, and the loop goes on.
func (lv *Loop) call(fn starlark.Value, args starlark.Tuple) {
	th := lv.cbThread
	rt := lv.rt
	rt.acquire(th)
	_, err := starlark.Call(th, fn, args, nil)
	rt.release(th)
	lv.callDone(fn, args, err)
}

// callFrom runs a callback at once on thread, the thread of the script code
// that is running (a builtin that must call back synchronously, as CPython
// does); an error is reported as a callback's is.
func (lv *Loop) callFrom(thread *starlark.Thread, fn starlark.Value, args starlark.Tuple) {
	_, err := starlark.Call(thread, fn, args, nil)
	lv.callDone(fn, args, err)
}

func (lv *Loop) callDone(fn starlark.Value, args starlark.Tuple, err error) {
	if err == nil {
		return
	}
	if isAbort(err) {
		if lv.fatal == nil {
			lv.fatal = err
		}
		lv.l.Stop()
		return
	}
	lv.l.CallExceptionHandler(loop.ExceptionContext{
		Message: fmt.Sprintf("Exception in callback %s", callbackDesc(fn, args)),
		Err:     err,
	})
}

func callbackDesc(fn starlark.Value, args starlark.Tuple) string {
	name := fn.String()
	if c, ok := fn.(starlark.Callable); ok {
		name = c.Name()
	}
	parts := make([]string, len(args))
	for i, a := range args {
		parts[i] = reprValue(a)
	}
	return name + "(" + strings.Join(parts, ", ") + ")"
}

// report is the loop's exception handler: the message, then the traceback.
func (lv *Loop) report(ctx loop.ExceptionContext) {
	var b strings.Builder
	b.WriteString(ctx.Message + "\n")
	if ctx.Future != nil {
		if fv, ok := ctx.Future.Value.(*Future); ok {
			// CPython's context key: "task" for a task destroyed while
			// pending, "future" for an exception never retrieved.
			label := "future"
			if ctx.Future.Task() != nil && !ctx.Future.Done() {
				label = "task"
			}
			fmt.Fprintf(&b, "%s: %s\n", label, fv)
		}
	}
	if ctx.Err != nil {
		b.WriteString(FormatError(ctx.Err))
	}
	fmt.Fprint(lv.rt.stderr, b.String())
}

// FormatError formats an error as a traceback: "Traceback (most recent call
// last):", the frames, then "Type: message".
func FormatError(err error) string {
	var stack starlark.CallStack
	var tasks []taskFrames
	msg := err.Error()
	var ee *starlark.EvalError
	if errors.As(err, &ee) {
		stack, msg = ee.CallStack, ee.Msg
	}
	if e, ok := toException(err).(*Exception); ok {
		msg, tasks = e.Error(), e.tasks
		if len(tasks) == 0 && len(stack) == 0 {
			stack = e.Traceback
		}
		if len(tasks) > 0 && sameFrames(stack, tasks[0].frames) {
			stack = nil // the error came straight out of the task
		}
	}
	var b strings.Builder
	if len(stack) > 0 || len(tasks) > 0 {
		b.WriteString("Traceback (most recent call last):\n")
		writeFrames(&b, stack)
		for _, t := range tasks {
			fmt.Fprintf(&b, "  %s:\n", t.label)
			writeFrames(&b, t.frames)
		}
	}
	b.WriteString(msg + "\n")
	return b.String()
}

func sameFrames(a, b starlark.CallStack) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i].Pos != b[i].Pos || a[i].Name != b[i].Name {
			return false
		}
	}
	return true
}

func writeFrames(b *strings.Builder, stack starlark.CallStack) {
	for _, fr := range stack {
		if fr.Pos.Filename() != "<builtin>" {
			fmt.Fprintf(b, "  %s: in %s\n", fr.Pos, fr.Name)
		}
	}
}

// callerPos returns where the running script code called the builtin being
// run: the newest frame that is not a builtin.
func (rt *Runtime) callerPos() syntax.Position {
	if th := rt.cur.Load(); th != nil {
		for i := 0; i < th.CallStackDepth(); i++ {
			if fr := th.CallFrame(i); fr.Pos.Filename() != "<builtin>" {
				return fr.Pos
			}
		}
	}
	return syntax.Position{}
}

func deadlockMessage(de *loop.DeadlockError) string {
	var b strings.Builder
	b.WriteString("deadlock: the awaited future can never complete (no callback is ready, no timer is set and no outside work is pending)")
	if len(de.Pending) > 0 {
		b.WriteString("; pending tasks:")
		for _, t := range de.Pending {
			if fv, ok := t.Value.(*Future); ok {
				b.WriteString("\n  " + fv.String())
			}
		}
	}
	return b.String()
}

// checkRun reports why the loop cannot run now, as CPython does.
func (lv *Loop) checkRun() error {
	if lv.l.IsClosed() {
		return newExc(exc.RuntimeError, "Event loop is closed")
	}
	if lv.l.IsRunning() {
		return newExc(exc.RuntimeError, "This event loop is already running")
	}
	if lv.rt.running != nil {
		return newExc(exc.RuntimeError, "Cannot run the event loop while another loop is running")
	}
	return nil
}

// runUntilComplete is loop.run_until_complete(x) called on thread.
func (lv *Loop) runUntilComplete(thread *starlark.Thread, x starlark.Value) (starlark.Value, error) {
	if err := lv.checkRun(); err != nil {
		return nil, err
	}
	fut, err := lv.rt.ensureFuture(x, lv)
	if err != nil {
		return nil, err
	}
	if _, ok := x.(*Coroutine); ok {
		fut.f.Task().LogDestroyPending = false
	}
	var v any
	err = lv.running(thread, func() error {
		var err error
		v, err = lv.l.RunUntilComplete(fut.f)
		return err
	})
	if err != nil {
		if !fut.f.Done() {
			return nil, toException(err)
		}
		if _, isCoro := x.(*Coroutine); isCoro && !fut.f.Cancelled() {
			fut.f.Exception()
		}
	}
	return lv.rt.outcome(v, err)
}

// running runs fn with the loop marked as the runtime's running loop, while
// thread gives up the step budget.
func (lv *Loop) running(thread *starlark.Thread, fn func() error) error {
	rt := lv.rt
	rt.release(thread)
	rt.running = lv
	lv.fatal = nil
	err := fn()
	rt.running = nil
	rt.acquire(thread)
	if lv.fatal != nil {
		return lv.fatal
	}
	return err
}

// ensureFuture is asyncio.ensure_future: a Future or Task as it is, a
// coroutine wrapped in a new Task of lv.
func (rt *Runtime) ensureFuture(x starlark.Value, lv *Loop) (*Future, error) {
	switch x := x.(type) {
	case *Future:
		if lv != nil && x.f.Loop() != lv.l {
			return nil, newExc(exc.ValueError, "The future belongs to a different loop than the one specified as the loop argument")
		}
		return x, nil
	case *Coroutine:
		return rt.newTask(lv, x, "")
	}
	return nil, newExc(exc.TypeError, "An asyncio.Future, a coroutine or an awaitable is required, got %s", x.Type())
}

// newTask wraps coro in a Task of lv, named name or Task-N.
func (rt *Runtime) newTask(lv *Loop, coro *Coroutine, name string) (*Future, error) {
	if lv == nil {
		var err error
		if lv, err = rt.getEventLoop(); err != nil {
			return nil, err
		}
	}
	if lv.l.IsClosed() {
		return nil, newExc(exc.RuntimeError, "Event loop is closed")
	}
	if err := coro.start(); err != nil {
		return nil, err
	}
	rt.taskSeq++
	if name == "" {
		name = "Task-" + strconv.Itoa(rt.taskSeq)
	}
	fv := &Future{rt: rt, id: rt.nextID(), coro: coro, created: rt.callerPos()}
	t, err := loop.NewTask(lv.l, name, func(t *loop.Task) (any, error) { return rt.runTask(fv, t) })
	if err != nil {
		return nil, toException(err)
	}
	fv.f = &t.Future
	t.Value = fv
	return fv, nil
}

// runTask is a task's body: run its coroutine on a new thread. Its frame
// and the ones below it are on every suspended task's stack, so the work
// before and after the coroutine is done in functions that have returned by
// then: a task that fits in 4 KB of stack costs half of one that does not.
// A coroutine written in Starlark is called from here directly, not through
// Coroutine.run, for the same reason. The stack is grown to 4 KB, or to 8 KB
// for a coroutine function whose tasks run deeper, before it is deep (see
// probeStack).
func (rt *Runtime) runTask(fv *Future, t *loop.Task) (any, error) {
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
	// The arguments are dropped once passed, as in Coroutine.run.
	args := co.args
	co.args = nil
	v, err := starlark.Call(th, co.cf.fn, args, co.takeKwargs())
	co.done = true
	return rt.endTask(fv, t, th, v, err)
}

// runNativeTask is runTask for a coroutine written in Go.
//
//go:noinline
func (rt *Runtime) runNativeTask(fv *Future, t *loop.Task) (any, error) {
	th := rt.startTask(fv, t)
	v, err := fv.coro.runNative(th, t)
	return rt.endTask(fv, t, th, v, err)
}

//go:noinline
func (rt *Runtime) startTask(fv *Future, t *loop.Task) *starlark.Thread {
	th := rt.newThread(t.Name(), fv, nil)
	fv.thread = th
	fv.threadPtr.Store(th)
	if fv.repl {
		stateOf(th).repl = true
	}
	t.OnDestroy = func() { th.Cancel("event loop closed") }
	rt.acquire(th)
	return th
}

//go:noinline
func (rt *Runtime) endTask(fv *Future, t *loop.Task, th *starlark.Thread, v starlark.Value, err error) (any, error) {
	rt.release(th)
	if err == nil {
		return v, nil
	}
	e := toException(err)
	var ee *starlark.EvalError
	if ex, ok := e.(*Exception); ok && errors.As(err, &ee) && !ex.IsCancellation() && !fv.repl {
		ex.addTask(fmt.Sprintf("in task %s (%s() created at %s)", t.Name(), fv.coro.name, fv.created), ee.CallStack)
	}
	return nil, e
}

func loopRunUntilComplete(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var x starlark.Value
	if err := starlark.UnpackArgs(b.Name(), args, kwargs, "future", &x); err != nil {
		return nil, err
	}
	if err := checkAwaitable(x); err != nil {
		return nil, err
	}
	lv := loopRecv(b)
	if ts := stateOf(thread); ts.repl && lv.l.IsRunning() {
		// At the REPL prompt the loop runs in the background: wait for x
		// as a top-level await_ would.
		return lv.rt.awaitInTask(thread, ts.task.f.Task(), x)
	}
	return lv.runUntilComplete(thread, x)
}

func loopRunForever(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := starlark.UnpackArgs(b.Name(), args, kwargs); err != nil {
		return nil, err
	}
	lv := loopRecv(b)
	if ts := stateOf(thread); ts.repl && lv.l.IsRunning() {
		// At the REPL prompt: wait until loop.stop() is called.
		if lv.replStopPending {
			// stop() came first: run_forever() returns after one
			// iteration, as CPython's does.
			lv.replStopPending = false
			_, err := lv.rt.awaitInTask(thread, ts.task.f.Task(), &Coroutine{name: "sleep", sleep: true, result: starlark.None})
			return starlark.None, err
		}
		if lv.replStop == nil {
			lv.replStop = loop.NewFuture(lv.l)
		}
		_, err := lv.rt.awaitInTask(thread, ts.task.f.Task(), lv.rt.wrapFuture(lv.replStop))
		return starlark.None, err
	}
	if err := lv.checkRun(); err != nil {
		return nil, err
	}
	err := lv.running(thread, lv.l.RunForever)
	if err != nil {
		return nil, toException(err)
	}
	return starlark.None, nil
}

func loopStop(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := starlark.UnpackArgs(b.Name(), args, kwargs); err != nil {
		return nil, err
	}
	lv := loopRecv(b)
	if lv.background {
		// The REPL's loop runs until the REPL exits; stop() ends the
		// run_forever() waiting at the prompt, if any.
		if f := lv.replStop; f != nil {
			lv.replStop = nil
			f.SetResult(nil)
		} else {
			lv.replStopPending = true
		}
		return starlark.None, nil
	}
	lv.l.Stop()
	return starlark.None, nil
}

func loopClose(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := starlark.UnpackArgs(b.Name(), args, kwargs); err != nil {
		return nil, err
	}
	if loopRecv(b).background {
		return starlark.None, nil // the REPL closes its loop when it exits
	}
	if err := loopRecv(b).l.Close(); err != nil {
		return nil, toException(err)
	}
	return starlark.None, nil
}

func boolMethod(get func(*Loop) bool) func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error) {
	return func(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
		if err := starlark.UnpackArgs(b.Name(), args, kwargs); err != nil {
			return nil, err
		}
		return starlark.Bool(get(loopRecv(b))), nil
	}
}

var (
	loopIsClosed  = boolMethod(func(lv *Loop) bool { return lv.l.IsClosed() })
	loopIsRunning = boolMethod(func(lv *Loop) bool { return lv.l.IsRunning() })
	loopGetDebug  = boolMethod(func(lv *Loop) bool { return lv.l.Debug() })
)

func loopSetDebug(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var on bool
	if err := starlark.UnpackPositionalArgs(b.Name(), args, kwargs, 1, &on); err != nil {
		return nil, err
	}
	loopRecv(b).l.SetDebug(on)
	return starlark.None, nil
}

func loopTime(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := starlark.UnpackArgs(b.Name(), args, kwargs); err != nil {
		return nil, err
	}
	return starlark.Float(loopRecv(b).l.Time()), nil
}

func loopCreateFuture(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if err := starlark.UnpackArgs(b.Name(), args, kwargs); err != nil {
		return nil, err
	}
	lv := loopRecv(b)
	return lv.rt.wrapFuture(loop.NewFuture(lv.l)), nil
}

func loopCreateTask(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	var coro starlark.Value
	var name, ctx starlark.Value = starlark.None, starlark.None
	if err := starlark.UnpackArgs(b.Name(), args, kwargs, "coro", &coro, "name?", &name, "context?", &ctx); err != nil {
		return nil, err
	}
	lv := loopRecv(b)
	return createTask(lv, coro, name)
}

func createTask(lv *Loop, coro, name starlark.Value) (starlark.Value, error) {
	c, ok := coro.(*Coroutine)
	if !ok {
		if err := checkAwaitable(coro); err != nil {
			return nil, err
		}
		return nil, newExc(exc.TypeError, "a coroutine was expected, got %s", coro.Type())
	}
	n := ""
	if name != starlark.None {
		if s, ok := starlark.AsString(name); ok {
			n = s
		} else {
			n = name.String()
		}
	}
	return lv.rt.newTask(lv, c, n)
}

// unpackCallback reads (callback, *args) from a call_* method's arguments.
func unpackCallback(name string, args starlark.Tuple, kwargs []starlark.Tuple, skip int) (starlark.Callable, starlark.Tuple, error) {
	for _, kv := range kwargs {
		if k, _ := starlark.AsString(kv[0]); k != "context" {
			return nil, nil, newExc(exc.TypeError, "%s() got an unexpected keyword argument '%s'", name, k)
		}
	}
	if len(args) <= skip {
		return nil, nil, newExc(exc.TypeError, "%s: missing the callback argument", name)
	}
	fn, ok := args[skip].(starlark.Callable)
	if !ok {
		return nil, nil, newExc(exc.TypeError, "%s: a callable object was expected, got %s", name, args[skip].Type())
	}
	if _, isCoro := fn.(*CoroutineFunction); isCoro {
		return nil, nil, newExc(exc.TypeError, "%s: coroutines cannot be used with %s()", name, name)
	}
	return fn, args[skip+1:], nil
}

func loopCallSoon(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	fn, cargs, err := unpackCallback(b.Name(), args, kwargs, 0)
	if err != nil {
		return nil, err
	}
	lv := loopRecv(b)
	h, err := lv.l.CallSoon(func() { lv.call(fn, cargs) })
	return newHandle(h, fn, cargs, err)
}

func loopCallSoonThreadsafe(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	fn, cargs, err := unpackCallback(b.Name(), args, kwargs, 0)
	if err != nil {
		return nil, err
	}
	lv := loopRecv(b)
	run := func() { lv.call(fn, cargs) }
	var h *loop.Handle
	if stateOf(thread).rt == lv.rt {
		// Script code of this runtime acts for the loop: same FIFO as call_soon.
		h, err = lv.l.CallSoon(run)
	} else {
		h, err = lv.l.CallSoonThreadsafe(run)
	}
	return newHandle(h, fn, cargs, err)
}

func delayArg(name, what string, v starlark.Value) (float64, error) {
	switch v := v.(type) {
	case starlark.Int:
		f, _ := starlark.AsFloat(v)
		return f, nil
	case starlark.Float:
		return float64(v), nil
	}
	return 0, newExc(exc.TypeError, "%s: %s must be a number, got %s", name, what, v.Type())
}

func loopCallLater(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(args) == 0 {
		return nil, newExc(exc.TypeError, "call_later: missing the delay argument")
	}
	delay, err := delayArg(b.Name(), "delay", args[0])
	if err != nil {
		return nil, err
	}
	fn, cargs, err := unpackCallback(b.Name(), args, kwargs, 1)
	if err != nil {
		return nil, err
	}
	lv := loopRecv(b)
	h, err := lv.l.CallLater(delay, func() { lv.call(fn, cargs) })
	return newHandle(h, fn, cargs, err)
}

func loopCallAt(thread *starlark.Thread, b *starlark.Builtin, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
	if len(args) == 0 {
		return nil, newExc(exc.TypeError, "call_at: missing the when argument")
	}
	when, err := delayArg(b.Name(), "when", args[0])
	if err != nil {
		return nil, err
	}
	fn, cargs, err := unpackCallback(b.Name(), args, kwargs, 1)
	if err != nil {
		return nil, err
	}
	lv := loopRecv(b)
	h, err := lv.l.CallAt(when, func() { lv.call(fn, cargs) })
	return newHandle(h, fn, cargs, err)
}

// Handle is what call_soon, call_later and friends return: cancel() stops
// the callback.
type Handle struct {
	h    *loop.Handle
	fn   starlark.Callable
	args starlark.Tuple
}

func newHandle(h *loop.Handle, fn starlark.Callable, args starlark.Tuple, err error) (starlark.Value, error) {
	if err != nil {
		return nil, toException(err)
	}
	return &Handle{h, fn, args}, nil
}

func (h *Handle) String() string {
	kind := "Handle"
	if h.h.When() != 0 {
		kind = "TimerHandle"
	}
	state := ""
	if h.h.Cancelled() {
		state = " cancelled"
	}
	return fmt.Sprintf("<%s%s %s>", kind, state, callbackDesc(h.fn, h.args))
}
func (h *Handle) Type() string          { return "Handle" }
func (h *Handle) Freeze()               {}
func (h *Handle) Truth() starlark.Bool  { return true }
func (h *Handle) Hash() (uint32, error) { return 0, fmt.Errorf("unhashable: Handle") }

// Attr returns cancel, cancelled and when.
func (h *Handle) Attr(name string) (starlark.Value, error) {
	switch name {
	case "cancel":
		return starlark.NewBuiltin("cancel", func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error) {
			h.h.Cancel()
			return starlark.None, nil
		}), nil
	case "cancelled":
		return starlark.NewBuiltin("cancelled", func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error) {
			return starlark.Bool(h.h.Cancelled()), nil
		}), nil
	case "when":
		return starlark.NewBuiltin("when", func(*starlark.Thread, *starlark.Builtin, starlark.Tuple, []starlark.Tuple) (starlark.Value, error) {
			return starlark.Float(h.h.When()), nil
		}), nil
	}
	return nil, nil
}

// AttrNames lists the handle's methods.
func (h *Handle) AttrNames() []string { return []string{"cancel", "cancelled", "when"} }
