package builtins

import (
	"context"
	"sync"
	"sync/atomic"
	"time"

	"github.com/asyncrun/asyncrun/loop"
	"github.com/asyncrun/asyncrun/pyexc"
	"go.starlark.net/starlark"
)

// The host's side of a runtime: what package interp needs to run a loop for
// a Go host and to hand it work from other goroutines. Scripts see none of
// this.
//
// The host loop is the loop asyncio.get_event_loop() returned when the
// runtime was made. A host may run it with RunHosted on a goroutine of its
// own; it is then hosted (see eventLoop.hosted) until RunHosted returns, and
// other goroutines submit work to it with the *Threadsafe methods and
// Submit.

// RunHosted runs the host loop on the calling goroutine until
// StopThreadsafe is called, as a hosted loop. No script code of the runtime
// may run on another goroutine meanwhile except through the loop.
func (rt *Runtime) RunHosted() error {
	lv := rt.host
	if err := lv.checkRun(); err != nil {
		return err
	}
	lv.hosted = true
	defer func() { lv.hosted = false }()
	return rt.execTopLevel("host", func(th *starlark.Thread) error {
		_, err := lv.running(th, func() (any, error) { return nil, lv.l.RunForever() })
		return toException(err)
	})
}

// StopThreadsafe asks the host loop to stop; it may be called from any
// goroutine.
func (rt *Runtime) StopThreadsafe() {
	rt.host.l.CallSoonThreadsafe(rt.host.l.Stop)
}

// OnLoopThreadsafe schedules a Go function on the host loop's goroutine; it
// may be called from any goroutine. It fails when the loop is closed.
func (rt *Runtime) OnLoopThreadsafe(fn func()) error {
	_, err := rt.host.l.CallSoonThreadsafe(fn)
	return err
}

// CallThreadsafe schedules fn(args...) as a callback of the host loop; it
// may be called from any goroutine. An exception fn raises is reported on
// stderr. The arguments are frozen.
func (rt *Runtime) CallThreadsafe(fn starlark.Callable, args starlark.Tuple) error {
	args.Freeze()
	lv := rt.host
	_, err := lv.l.CallSoonThreadsafe(func() { lv.call(copyContext(rt.topContext), fn, args) })
	return err
}

// Submission is work submitted to the host loop from another goroutine: a
// task whose outcome Go code waits for. Its methods may be called from any
// goroutine.
type Submission struct {
	c    *loop.ConcurrentFuture
	rt   *Runtime
	task atomic.Pointer[future]
	// finished is closed when the task is done (see Finished).
	finished   chan struct{}
	finishOnce sync.Once
}

// Done is closed when the submission's task has finished.
func (s *Submission) Done() <-chan struct{} { return s.c.DoneChan() }

// Result returns the outcome of a finished submission: a Starlark value, or
// an error (an exception of the script, the runtime's abort error, or a
// cancellation).
func (s *Submission) Result() (starlark.Value, error) {
	v, err := s.c.Result(-1)
	if err != nil {
		return nil, toException(err)
	}
	if sv, ok := v.(starlark.Value); ok {
		return sv, nil
	}
	return starlark.None, nil
}

// Cancel cancels the submission's task, as task.cancel() would; it reports
// whether the cancellation was requested before the task finished.
func (s *Submission) Cancel() bool { return s.c.Cancel() }

// Interrupt stops the submission's task as Ctrl-C stops a statement at a
// prompt: CPU-bound script code of it gets a KeyboardInterrupt at its next
// step, and an await_ gets a CancelledError.
func (s *Submission) Interrupt() {
	fv := s.task.Load()
	if fv == nil {
		s.c.Cancel()
		return
	}
	if th := fv.thread.Load(); th != nil && s.rt.scriptThread() == th {
		keyboardInterrupt(th)
	}
	fv.f.Loop().CallSoonThreadsafe(func() { fv.f.Cancel(nil) })
}

// submit makes a Submission that follows the task start makes on the host
// loop.
func (rt *Runtime) submit(start func(s *Submission, lv *eventLoop) (*future, error)) *Submission {
	return rt.submitTo(&Submission{rt: rt, c: loop.NewConcurrentFuture()}, start)
}

// submitTo is submit with the Submission made by the caller.
func (rt *Runtime) submitTo(s *Submission, start func(s *Submission, lv *eventLoop) (*future, error)) *Submission {
	lv := rt.host
	// As lv.l.RunCoroutineThreadsafe, with s.c made first: start's task
	// may complete it.
	_, err := lv.l.CallSoonThreadsafe(func() {
		fv, err := start(s, lv)
		if err != nil {
			s.c.SetException(err)
			s.finish()
			return
		}
		s.task.Store(fv)
		loop.Chain(fv.f, s.c)
		if s.finished != nil {
			fv.f.AddDoneCallback(func(*loop.Future) { s.finish() }, nil)
		}
	})
	if err != nil {
		s.c.SetException(err)
		s.finish()
	}
	return s
}

// SubmitCall calls fn(args...) on the host loop, from any goroutine, and
// runs what it returns (a coroutine, or a Future) as a task, as
// asyncio.run_coroutine_threadsafe does. The arguments are frozen.
func (rt *Runtime) SubmitCall(fn starlark.Callable, args starlark.Tuple) *Submission {
	args.Freeze()
	s := &Submission{rt: rt, c: loop.NewConcurrentFuture(), finished: make(chan struct{})}
	return rt.submitTo(s, func(_ *Submission, lv *eventLoop) (*future, error) {
		var x starlark.Value
		err := rt.runOn(lv.cbThread, func() (err error) {
			x, err = starlark.Call(lv.cbThread, fn, args, nil)
			return err
		})
		if err != nil {
			return nil, toException(lv.rt.checkAbort(lv.cbThread, err))
		}
		return lv.rt.ensureFuture(x, lv)
	})
}

// Code is top-level code a host runs as a task (see SubmitCode): fn runs
// on the task's thread; Context, if not nil, is the Go context host
// functions called by the task (and the tasks it creates) receive (see
// GoContextOf).
type Code struct {
	Name    string
	Context context.Context
	Fn      func(th *starlark.Thread) (starlark.Value, error)
	// MaxSteps, if not 0, bounds the steps of the code and of the tasks it
	// creates; past it they stop with an error wrapping ErrStepLimit, and
	// the rest of the runtime goes on.
	MaxSteps uint64
}

// codeTask makes the task of c on lv, for s (nil: see RunCode). A
// submission's outcome is its code's: it is done as soon as c.Fn returns,
// not when the loop gets to the task's done callbacks (a task c.Fn started,
// if it spins without awaiting, would keep them from running), and c.Fn
// does not run at all if the submission was cancelled or interrupted before
// its task took its first step.
func (rt *Runtime) codeTask(s *Submission, lv *eventLoop, c Code) (*future, error) {
	co := &coroutine{name: c.Name, native: func(th *starlark.Thread, _ *loop.Task) (starlark.Value, error) {
		if s == nil {
			return c.Fn(th)
		}
		if s.c.Cancelled() {
			return nil, newExc(pyexc.CancelledError, "")
		}
		v, err := c.Fn(th)
		if err != nil {
			err = toException(rt.checkAbort(th, err))
			s.c.SetException(err)
			return nil, err
		}
		s.c.SetResult(v)
		return v, nil
	}}
	fv, err := rt.newTask(lv, co, "")
	if err != nil {
		return nil, err
	}
	fv.toplevel = true
	if c.Context != nil {
		fv.more().gctx = c.Context
		rt.hostContexts = true
	}
	steps := c.MaxSteps
	if steps == 0 && rt.steps.perRun {
		steps = rt.steps.max // each submission's own budget: see Config.StepsPerRun
	}
	if steps > 0 {
		fv.more().budget = &callBudget{left: steps}
		rt.budgets = true
	}
	fv.f.Task().LogDestroyPending = false
	return fv, nil
}

// SubmitCode runs c as a task of the host loop, with its own thread; it may
// be called from any goroutine. In c.Fn, await_ suspends the task, like a
// top-level await in `python -m asyncio`, and so do run_until_complete,
// run_forever and asyncio.run while the loop is hosted. A traceback of it
// has no task segment.
func (rt *Runtime) SubmitCode(c Code) *Submission {
	return rt.submit(func(s *Submission, lv *eventLoop) (*future, error) { return rt.codeTask(s, lv, c) })
}

// RunCode runs c as a task of the host loop, and runs the loop on the
// calling goroutine until the task is done, as run_until_complete does;
// no loop of the runtime may be running.
func (rt *Runtime) RunCode(c Code) (starlark.Value, error) {
	var v starlark.Value
	err := rt.ExecTopLevel(c.Name, func(th *starlark.Thread) error {
		fv, err := rt.codeTask(nil, rt.host, c)
		if err != nil {
			return err
		}
		v, err = rt.host.runUntilComplete(th, fv)
		return err
	})
	return v, err
}

// Abandon fails the submission with err if it is not done: its loop closed
// before running it.
func (s *Submission) Abandon(err error) {
	s.c.SetException(err)
	s.finish()
}

// GoContextOf returns the Go context of the task whose script code runs on
// thread (see Code.Context), or nil.
func GoContextOf(thread *starlark.Thread) context.Context {
	if ts := stateOf(thread); ts != nil && ts.task != nil {
		return ts.task.goContext()
	}
	return nil
}

// CancelAllThreadsafe cancels, from any goroutine, every pending task of the
// host loop and waits for them to finish (their cleanup may await), up to
// the timeout.
func (rt *Runtime) CancelAllThreadsafe(timeout time.Duration) {
	done := make(chan struct{})
	l := rt.host.l
	_, err := l.CallSoonThreadsafe(func() {
		tasks := l.Tasks()
		if len(tasks) == 0 {
			close(done)
			return
		}
		fs := make([]*loop.Future, len(tasks))
		for i, t := range tasks {
			t.Cancel(nil)
			fs[i] = &t.Future
		}
		loop.Gather(l, fs, true).AddDoneCallback(func(*loop.Future) { close(done) }, nil)
	})
	if err != nil {
		return
	}
	select {
	case <-done:
	case <-time.After(timeout):
	}
}

// NewHostFuture returns a pending future of the loop that script code on
// thread runs on, and its script value, for a host function that will
// complete it (see loop.RunOff). It fails with a RuntimeError when that
// loop is closed.
func NewHostFuture(thread *starlark.Thread, name string) (*loop.Future, starlark.Value, error) {
	rt := rtOf(thread)
	if rt == nil {
		return nil, nil, errForeignThread
	}
	lv, err := rt.eventLoopArg(nil)
	if err != nil {
		return nil, nil, err
	}
	if lv.l.IsClosed() {
		return nil, nil, newExc(pyexc.RuntimeError, "%s: Event loop is closed", name)
	}
	f := loop.NewFuture(lv.l)
	f.SetLabel(name + "()") // what a task awaiting it waits on
	return f, rt.wrapFuture(f), nil
}

// NewException returns an exception of kind k with a message, for Go code
// that fails the way Python code would.
func NewException(k pyexc.Kind, msg string) error {
	return &exception{typ: exc[k], args: msgArgs(msg)}
}

// Panicked returns the exception a script gets for a panic of Go code run
// for it (what: "name: host function", say): a RuntimeError "what
// panicked: value". The Go stack goes to the logger, not into the message.
func (rt *Runtime) Panicked(what string, r any) error { return rt.panicked(what, r) }

// Await returns v's result when it is a coroutine, Future or Task, awaited
// on thread as await_ does (in a task it suspends the task); other values
// are returned as they are.
func Await(thread *starlark.Thread, v starlark.Value) (starlark.Value, error) {
	switch v.(type) {
	case *coroutine, *future:
		return await_(thread, starlark.Tuple{v}, nil)
	}
	return v, nil
}

// RunAbort stops the script code of one run a host started (a Call, say)
// and of the tasks it created, leaving the rest of the runtime alone: give
// its Context as Code.Context. Its methods may be called from any
// goroutine.
type RunAbort struct {
	mu          sync.Mutex
	interrupted bool // see Interrupt
	err         *abortError
	threads     []runThread  // the run's tasks now running or suspended
	inline      [1]runThread // threads' first backing array: most runs have one task
	ctx         abortContext // see Context
}

// abortContext is a context carrying its RunAbort, kept in the RunAbort so
// that Context allocates nothing.
type abortContext struct {
	context.Context
	ra *RunAbort
}

func (c *abortContext) Value(key any) any {
	if key == (runAbortKey{}) {
		return c.ra
	}
	return c.Context.Value(key)
}

// runThread is a task of a run, and its thread.
type runThread struct {
	th *starlark.Thread
	t  *loop.Task
}

type runAbortKey struct{}

// NewRunAbort returns the abort of a run not aborted yet; a zero RunAbort
// is one too.
func NewRunAbort() *RunAbort { return &RunAbort{} }

// Context returns ctx carrying ra: the code run with it (see Code.Context),
// and the tasks that code creates, belong to the run. Call it once.
func (ra *RunAbort) Context(ctx context.Context) context.Context {
	ra.ctx = abortContext{Context: ctx, ra: ra}
	return &ra.ctx
}

// Abort stops the run: each of its threads fails at its next step with an
// error wrapping cause that no script can catch (go.starlark.net's
// cancellation is sticky), and its tasks suspended in await_ are woken to
// meet it. The first cause given is kept.
func (ra *RunAbort) Abort(cause error) {
	ra.mu.Lock()
	if ra.err == nil {
		ra.err = &abortError{cause: cause}
	}
	a := ra.err
	threads := append([]runThread(nil), ra.threads...)
	ra.mu.Unlock()
	for _, x := range threads {
		x.th.Cancel(a.Error())
		t := x.t
		t.Loop().CallSoonThreadsafe(func() { t.Cancel(nil) })
	}
}

// aborted returns the abort error of the run, or nil.
func (ra *RunAbort) aborted() *abortError {
	ra.mu.Lock()
	defer ra.mu.Unlock()
	return ra.err
}

// enter registers the thread of a task of the run, cancelled at once if the
// run was aborted; leave forgets it.
func (ra *RunAbort) enter(th *starlark.Thread, t *loop.Task) {
	ra.mu.Lock()
	defer ra.mu.Unlock()
	if ra.err != nil {
		th.Cancel(ra.err.Error())
	} else if ra.interrupted {
		keyboardInterrupt(th)
	}
	if ra.threads == nil {
		ra.threads = ra.inline[:0]
	}
	ra.threads = append(ra.threads, runThread{th, t})
}

// Interrupt stops the run as Ctrl-C stops a statement at a prompt: its
// tasks are cancelled (CancelledError in an await_), and its CPU-bound code
// gets a KeyboardInterrupt at its next step; tasks of the run that start
// later get the KeyboardInterrupt at their first step. The rest of the
// runtime is left alone.
func (ra *RunAbort) Interrupt() {
	ra.mu.Lock()
	ra.interrupted = true
	threads := append([]runThread(nil), ra.threads...)
	ra.mu.Unlock()
	for _, x := range threads {
		if ts := stateOf(x.th); ts != nil && ts.rt.scriptThread() == x.th {
			keyboardInterrupt(x.th)
		}
		t := x.t
		t.Loop().CallSoonThreadsafe(func() { t.Cancel(nil) })
	}
}

func (ra *RunAbort) leave(th *starlark.Thread) {
	ra.mu.Lock()
	for i, x := range ra.threads {
		if x.th == th {
			last := len(ra.threads) - 1
			ra.threads[i] = ra.threads[last]
			ra.threads[last] = runThread{}
			ra.threads = ra.threads[:last]
			break
		}
	}
	ra.mu.Unlock()
}

// runAbortOf returns the RunAbort of the run a task belongs to, or nil.
func runAbortOf(fv *future) *RunAbort {
	if fv == nil {
		return nil
	}
	if g := fv.goContext(); g != nil {
		ra, _ := g.Value(runAbortKey{}).(*RunAbort)
		return ra
	}
	return nil
}

// runAborted returns the abort error of the run whose task runs on th, or
// nil (see checkAbort).
func runAborted(th *starlark.Thread) *abortError {
	if ts := stateOf(th); ts != nil {
		if ra := runAbortOf(ts.task); ra != nil {
			return ra.aborted()
		}
	}
	return nil
}

// AbortRun stops all the script code of the runtime, running or to come,
// with an error wrapping cause that no script can catch, as Interrupt does
// but only until the returned function is called (and without closing the
// runtime's connections and files): a host stops the run of ExecTopLevel or
// RunCode it made this way, and lifts the abort once the run has returned.
// It may be called from any goroutine. If the runtime is aborted already,
// it does nothing.
func (rt *Runtime) AbortRun(cause error) (lift func()) {
	a := &abortError{cause: cause}
	if !rt.abort.CompareAndSwap(nil, a) {
		return func() {}
	}
	if th := rt.scriptThread(); th != nil {
		th.Cancel(a.Error())
	}
	rt.mu.Lock()
	for _, lv := range rt.loops {
		lv.l.CallSoonThreadsafe(func() {
			if rt.abort.Load() == a {
				lv.fail(a)
			}
		})
	}
	rt.mu.Unlock()
	return func() { rt.abort.CompareAndSwap(a, nil) }
}

// HostCoroutine returns a coroutine object, as calling an async def gives:
// when it first runs (awaited, or wrapped in a task by create_task, gather,
// wait_for), start is called on the loop with the running task's thread,
// and the coroutine awaits the future start returns.
func HostCoroutine(name string, start func(thread *starlark.Thread) (*loop.Future, error)) starlark.Value {
	return &coroutine{name: name, native: func(th *starlark.Thread, t *loop.Task) (starlark.Value, error) {
		f, err := start(th)
		if err != nil {
			return nil, err
		}
		rt := rtOf(th)
		return rt.awaitFuture(th, t, rt.wrapFuture(f))
	}}
}

// Finished is closed when the task of a submission made by SubmitCall has
// finished (its done callbacks ran), or when the submission failed before
// it had a task; nil for other submissions.
func (s *Submission) Finished() <-chan struct{} { return s.finished }

func (s *Submission) finish() {
	if s.finished != nil {
		s.finishOnce.Do(func() { close(s.finished) })
	}
}

// ShutdownIO closes the runtime's connections, servers and files and kills
// its child processes, as Interrupt does; it may be called from any
// goroutine, but not while ResetIO runs. Operations in flight end, and new
// ones fail until ResetIO.
func (rt *Runtime) ShutdownIO() { rt.io.Shutdown() }

// ResetIO closes the runtime's I/O (see ShutdownIO), waits for it to end
// until ctx is done, and gives the runtime fresh I/O for the runs to come.
// No loop of the runtime may be running.
func (rt *Runtime) ResetIO(ctx context.Context) error {
	old := rt.io
	rt.io = rt.newIO()
	return old.Close(ctx)
}
