package builtins

import (
	"errors"
	"io"
	"log"
	"math"
	"os"
	"sync"
	"sync/atomic"

	"github.com/asyncrun/asyncrun/aio"
	"github.com/asyncrun/asyncrun/loop"
	"go.starlark.net/starlark"
	"go.starlark.net/syntax"
)

// Config sets up a Runtime.
type Config struct {
	Stdout, Stderr io.Writer // nil means os.Stdout, os.Stderr
	Clock          *loop.Clock
	Debug          bool
	// MaxSteps bounds the Starlark execution steps of all threads together;
	// 0 means no bound. Past it every thread fails with ErrStepLimit.
	MaxSteps uint64
	// StepsPerRun makes MaxSteps the budget of each run (ExecTopLevel, and
	// each submission to the host loop) instead of the runtime's whole
	// life; see stepBudget.
	StepsPerRun bool
	// Load implements load() for every thread of the runtime.
	Load func(thread *starlark.Thread, module string) (starlark.StringDict, error)
	// Argv is sys.argv.
	Argv []string
	// Logger receives the Go stacks of panics recovered in Go code run for
	// scripts; nil means they are dropped.
	Logger *log.Logger
	// MaxTasks bounds the unfinished tasks of all the runtime's loops
	// together; creating one more is a RuntimeError that wraps
	// ErrTaskLimit. 0 means no bound.
	MaxTasks int
	// MaxProcesses bounds the live child processes (see
	// aio.Config.MaxProcesses): 0 is aio.DefaultMaxProcesses, negative no
	// bound.
	MaxProcesses int
	// OnReport, if set, receives what the default exception handler would
	// print (the message, the exception or nil, the whole report) instead
	// of stderr.
	OnReport func(message string, err error, report string)
	// Host is the embedding layer's own value for the runtime, which Go
	// functions called by scripts find with HostOf.
	Host any
	// Perm grants scripts the network, programs, and files to read and
	// write: nil lists deny, empty ones grant all.
	Perm aio.Permissions
	// Stdin is what a child process given stdin=None reads: an *os.File,
	// or nil for nothing.
	Stdin io.Reader
	// Trace, if set, receives a timeline of every loop of the runtime (see
	// tracer.go), written as the run goes; CloseTrace ends it.
	Trace io.Writer
	// Parts are the groups of builtins beside the core (see Part).
	Parts []Part
}

// ErrStepLimit is the cause of a run stopped by Config.MaxSteps.
var ErrStepLimit = errors.New("too many steps")

// ErrTaskLimit is wrapped by the RuntimeError of a task created past
// Config.MaxTasks.
var ErrTaskLimit = errors.New("too many tasks")

// Runtime is the state one interpreter's builtins share. Its methods are for
// the goroutine acting for its loops (see package loop) unless they say
// otherwise.
type Runtime struct {
	cfg         Config
	stdout      io.Writer
	stderr      io.Writer
	clock       *loop.Clock
	predeclared starlark.StringDict
	tracer      *tracer // of Config.Trace, or nil

	host *eventLoop // the host loop (see RunHosted)
	// printFn and onMaxStepsFn are the method values every thread gets,
	// made once (a method value is an allocation).
	printFn      func(*starlark.Thread, string)
	onMaxStepsFn func(*starlark.Thread)
	// varsUsed is set when a script first uses a context variable; until
	// then no context needs copying (see currentContext, ContextOf).
	varsUsed bool
	// hostContexts is set when a host first runs code with a Go context
	// (see Code.Context), which the tasks it creates inherit.
	hostContexts bool
	topContext   *Context   // the context of top-level code
	current      *eventLoop // the event loop get_event_loop returns when none runs
	unset        bool       // set_event_loop(None) was called
	running      *eventLoop
	loops        []*eventLoop
	taskSeq      int
	objSeq       uint32
	steps        stepBudget
	budgets      bool         // some task has a call budget (see callBudget)
	coros        []*coroutine // debug mode: coroutines to check for never-awaited
	// waitDepth counts the wait_for= reprs being written now; past
	// maxWaitDepth a task's repr stops nesting (see future.String).
	waitDepth atomic.Int32
	asyncDefs map[syntax.Position]bool // where coroutine functions are defined (see markAsync)

	cur atomic.Pointer[starlark.Thread] // the thread running script code (or that last ran it)
	// inScript says whether cur runs script code now. It is apart from cur
	// so that release writes no pointer (a write barrier on every switch).
	inScript atomic.Bool
	abort    atomic.Pointer[abortError] // set once by Interrupt or the step limit
	mu       sync.Mutex                 // guards loops

	sourcesMu sync.Mutex
	sources   map[string][]byte // script texts by file name, for print_stack

	io *aio.Env // connections, servers, processes and files (see streams.go)

	// The top-level run in progress (0: none; see execTopLevel), and the
	// run a KeyboardInterrupt not delivered yet is for: the threads that
	// run script code in that run get it (see KeyboardInterrupt).
	runSeq, curRun, keyboardPending atomic.Uint64
}

// NewRuntime returns a runtime with the given configuration.
func NewRuntime(cfg Config) *Runtime {
	rt := &Runtime{cfg: cfg, stdout: cfg.Stdout, stderr: cfg.Stderr, clock: cfg.Clock}
	if rt.stdout == nil {
		rt.stdout = os.Stdout
	}
	if rt.stderr == nil {
		rt.stderr = os.Stderr
	}
	rt.io = rt.newIO()
	if rt.clock == nil {
		rt.clock = loop.NewClock(false)
	}
	rt.steps = stepBudget{limited: cfg.MaxSteps > 0 && !cfg.StepsPerRun, left: cfg.MaxSteps}
	if cfg.MaxSteps > 0 && cfg.StepsPerRun {
		rt.steps.perRun, rt.steps.max = true, cfg.MaxSteps
	}
	rt.topContext = &Context{}
	rt.printFn, rt.onMaxStepsFn = rt.printLine, rt.onMaxSteps
	if cfg.Trace != nil {
		rt.tracer = newTracer(cfg.Trace, rt.clock)
	}
	rt.predeclared = rt.makePredeclared()
	rt.current = rt.newLoop()
	rt.host = rt.current
	return rt
}

// Predeclared returns the names every script of the runtime sees: asyncio,
// await_, try_, raise_, print, the exception types, and the modules.
func (rt *Runtime) Predeclared() starlark.StringDict { return rt.predeclared }

// Argv returns the script's arguments, Config.Argv (sys.argv).
func (rt *Runtime) Argv() []string { return rt.cfg.Argv }

// Stdout returns where the runtime's standard output goes (sys.stdout,
// print): Config.Stdout, or os.Stdout.
func (rt *Runtime) Stdout() io.Writer { return rt.stdout }

// Stderr returns where the runtime's standard error goes (sys.stderr,
// tracebacks): Config.Stderr, or os.Stderr.
func (rt *Runtime) Stderr() io.Writer { return rt.stderr }

// threadState is what a thread of the runtime carries in its local.
type threadState struct {
	rt        *Runtime
	task      *future      // nil outside tasks
	loop      *eventLoop   // for callback threads: the loop that runs them
	granted   uint64       // the thread's step limit while it holds the budget
	toplevel  bool         // a host's submission: top-level code run as a task
	ctx       *Context     // the context variables of the code running on the thread
	keyboard  atomic.Bool  // KeyboardInterrupt cancelled the thread: see checkAbort
	handling  []*exception // the exceptions being handled: see threadState.handle
	callBound bool         // the call's budget bounds the thread's steps, not the runtime's
	stepsOut  bool         // the call's budget is spent: see checkAbort

	th *starlark.Thread // a task's: its thread (see taskStates)
}

const localKey = "asyncrun"

// errForeignThread is returned by builtins called on a thread that no
// Runtime made.
var errForeignThread = errors.New("asyncrun: this function must be called by a script of an interpreter (the thread was not made by one)")

// newThread makes a thread of the runtime: a task's when task is not nil
// (its state in taskStates until endTask drops it), else a thread that
// keeps its state in its locals (top-level code, a loop's callbacks).
func (rt *Runtime) newThread(name string, task *future, l *eventLoop) *starlark.Thread {
	th := &starlark.Thread{Name: name, Load: rt.cfg.Load, Print: rt.printFn, OnMaxSteps: rt.onMaxStepsFn}
	ts := &threadState{rt: rt, task: task, loop: l}
	if task != nil {
		ts.th, task.ts = th, ts
		addTaskState(ts)
	} else {
		th.SetLocal(localKey, ts)
	}
	return th
}

// HostOf returns Config.Host of the runtime whose script code runs on
// thread, or nil for a thread no runtime made.
func HostOf(thread *starlark.Thread) any {
	if rt := rtOf(thread); rt != nil {
		return rt.cfg.Host
	}
	return nil
}

func (rt *Runtime) printLine(_ *starlark.Thread, msg string) { io.WriteString(rt.stdout, msg+"\n") }

func (rt *Runtime) nextID() uint32 {
	rt.objSeq++
	return rt.objSeq
}

func (rt *Runtime) debugOn() bool {
	if rt.cfg.Debug {
		return true
	}
	if rt.running != nil {
		return rt.running.l.Debug()
	}
	return rt.current != nil && rt.current.l.Debug()
}

// Interrupt stops all Starlark code of the runtime, running or to come,
// with the given cause: each thread fails at its next step with an error
// that no script can catch and that wraps cause. The runtime's connections,
// servers and files are closed and its child processes killed. It may be
// called from any goroutine.
func (rt *Runtime) Interrupt(cause error) {
	a := &abortError{cause: cause}
	if !rt.abort.CompareAndSwap(nil, a) {
		a = rt.abort.Load()
	}
	if th := rt.scriptThread(); th != nil {
		th.Cancel(a.Error())
	}
	rt.io.Shutdown()
	rt.mu.Lock()
	defer rt.mu.Unlock()
	for _, lv := range rt.loops {
		lv.l.CallSoonThreadsafe(func() { lv.fail(a) })
	}
}

// onMaxSteps is called on the thread that spent the last step of its
// budget. When that was the runtime's, it aborts the runtime and ends the
// run of the running loop at once (a task spinning beside others that sleep
// long must not wait for them); when it was its call's (Code.MaxSteps),
// only the call's code stops (see checkAbort).
func (rt *Runtime) onMaxSteps(th *starlark.Thread) {
	if ts := stateOf(th); ts != nil && ts.callBound {
		ts.stepsOut = true
		th.Cancel(ErrStepLimit.Error())
		return
	}
	rt.abort.CompareAndSwap(nil, &abortError{cause: ErrStepLimit})
	a := rt.abort.Load()
	th.Cancel(a.Error())
	if rt.running != nil {
		rt.running.fail(a)
	}
}

// KeyboardInterrupt interrupts the runtime's script code as Ctrl-C does in
// Python: script code running now (CPU-bound code) gets a
// KeyboardInterrupt exception at its next step, and the tasks of the
// running loop are cancelled, so that handlers and finally_ clauses run and
// cancelled tasks clean up (their cleanup may await). It may be called
// from any goroutine.
//
// It is never lost: until it is delivered (script code raised it, or a
// running loop cancelled its tasks), every thread of the same top-level
// run that goes on running script code gets KeyboardInterrupt at its next
// step. Without that, a Ctrl-C that came as a short task ran its last
// step (the KeyboardInterrupt went to a thread that never stepped again)
// while its loop was finishing (the cancellations went to a loop that
// never ran them) was lost: a script calling asyncio.run in a loop lost
// the first Ctrl-C in 5 of 10 runs.
func (rt *Runtime) KeyboardInterrupt() {
	if run := rt.curRun.Load(); run != 0 {
		rt.keyboardPending.Store(run)
	}
	rt.KeyboardInterruptRunning()
	rt.mu.Lock()
	defer rt.mu.Unlock()
	for _, lv := range rt.loops {
		l := lv.l
		l.CallSoonThreadsafe(func() {
			if l.IsRunning() {
				tasks := l.Tasks()
				if len(tasks) > 0 {
					rt.keyboardPending.Store(0)
				}
				for _, t := range tasks {
					t.Cancel(nil)
				}
			}
		})
	}
}

// KeyboardInterruptRunning is the first half of KeyboardInterrupt: the
// script code running at this moment, if any, gets a KeyboardInterrupt
// exception at its next step, and no task is cancelled. It reports whether
// script code was running. It may be called from any goroutine.
func (rt *Runtime) KeyboardInterruptRunning() bool {
	th := rt.scriptThread()
	if th == nil {
		return false
	}
	keyboardInterrupt(th)
	rt.io.InterruptOpens() // an open() blocked on a FIFO: see fileError
	return true
}

// keyboardInterrupt makes th's next step raise KeyboardInterrupt (see
// checkAbort).
func keyboardInterrupt(th *starlark.Thread) {
	if ts := stateOf(th); ts != nil { // nil: a task that has just ended
		ts.keyboard.Store(true)
		th.Cancel("KeyboardInterrupt")
	}
}

// stepBudget shares one step limit between all threads: the thread that runs
// holds the whole remainder, and gives back what it did not use when it
// stops running.
//
// By default the budget is the runtime's whole life: spent, it aborts the
// runtime for good. With Config.StepsPerRun (perRun) it is each run's
// instead, and spending it leaves the runtime usable:
//   - ExecTopLevel starts with a full budget, and a run that spends it fails
//     with ErrStepLimit as a whole-life run does; the abort is lifted when
//     ExecTopLevel returns.
//   - Each submission to the host loop has a budget of its own, MaxSteps,
//     for its task and the tasks it creates (see callBudget); spent, it
//     stops them with ErrStepLimit, and the other tasks go on. Steps of
//     other code on the loop are not counted.
//
// limited changes only when no thread holds the budget (before a run, and
// on the loop between callbacks), or in onMaxSteps.
type stepBudget struct {
	limited bool
	left    uint64
	perRun  bool
	max     uint64 // the budget of a run, when perRun
}

// endRun ends a run of ExecTopLevel when each run has its own budget: the
// budget is lifted, and so is the abort of a run that spent it.
func (rt *Runtime) endRun() {
	rt.steps.limited = false
	if a := rt.abort.Load(); a != nil && a.cause == ErrStepLimit {
		rt.abort.CompareAndSwap(a, nil)
	}
}

// acquire marks th as the thread that runs script code from now on, and
// hands it the step budget: the runtime's, and its task's call budget (see
// Code.MaxSteps), whichever is smaller.
func (rt *Runtime) acquire(th *starlark.Thread) {
	if rt.cur.Load() != th {
		rt.cur.Store(th)
	}
	rt.inScript.Store(true)
	if a := rt.abort.Load(); a != nil {
		th.Cancel(a.Error())
	}
	if run := rt.keyboardPending.Load(); run != 0 && run == rt.curRun.Load() {
		keyboardInterrupt(th) // pending until a thread raises it: this one may not step again
	}
	if !rt.steps.limited && !rt.budgets && !rt.steps.perRun {
		return
	}
	ts := stateOf(th)
	b := ts.budget()
	if !rt.steps.limited && b == nil {
		// It may have run under a budget before: lift it.
		th.SetMaxExecutionSteps(math.MaxUint64)
		return
	}
	avail := uint64(math.MaxUint64)
	if rt.steps.limited {
		avail = rt.steps.left
	}
	ts.callBound = b != nil && b.left < avail
	if ts.callBound {
		avail = b.left
	}
	if avail == 0 {
		rt.onMaxSteps(th)
		return
	}
	ts.granted = th.Steps + avail
	if rt.steps.limited {
		rt.steps.left -= avail
	}
	if b != nil {
		b.left -= avail
	}
	th.SetMaxExecutionSteps(ts.granted)
}

// release takes back from th the steps it did not use; th no longer runs
// script code.
func (rt *Runtime) release(th *starlark.Thread) {
	if rt.cur.Load() == th {
		rt.inScript.Store(false)
	}
	if !rt.steps.limited && !rt.budgets {
		return
	}
	ts := stateOf(th)
	b := ts.budget()
	if !rt.steps.limited && b == nil {
		return
	}
	if ts.granted > th.Steps {
		unused := ts.granted - th.Steps
		if rt.steps.limited {
			rt.steps.left += unused
		}
		if b != nil {
			b.left += unused
		}
	}
	ts.granted = th.Steps
	th.SetMaxExecutionSteps(th.Steps)
}

// callBudget is the step budget of code a host runs (Code.MaxSteps),
// shared by its task and the tasks it creates.
type callBudget struct{ left uint64 }

// budget returns the call budget of the thread's task, or nil.
func (ts *threadState) budget() *callBudget {
	if ts.task != nil {
		return ts.task.stepBudget()
	}
	return nil
}

// scriptThread returns the thread running script code now, or nil.
func (rt *Runtime) scriptThread() *starlark.Thread {
	if rt.inScript.Load() {
		return rt.cur.Load()
	}
	return nil
}

// runOn runs fn, script code, on thread th as the thread running script
// code. It may be called while another thread runs script code (a callback
// or an exception handler called synchronously by a builtin, say): that
// thread lends th the step budget meanwhile.
func (rt *Runtime) runOn(th *starlark.Thread, fn func() error) error {
	prev := rt.scriptThread()
	if prev != nil && prev != th {
		rt.release(prev)
	}
	rt.acquire(th)
	err := fn()
	rt.release(th)
	if prev != nil && prev != th {
		rt.acquire(prev)
	}
	return err
}

// offThread runs fn, which runs other threads' script code (a loop) or
// waits for them (a suspended task), while th gives up the step budget.
func (rt *Runtime) offThread(th *starlark.Thread, fn func() (any, error)) (any, error) {
	rt.release(th)
	v, err := fn()
	rt.acquire(th)
	return v, err
}

// ExecTopLevel runs fn, top-level script code, on a new thread of the
// runtime holding the step budget, as the one thread running script code;
// no loop of the runtime may be running on another goroutine meanwhile. A
// panic in fn becomes a RuntimeError (its stack goes to Config.Logger), and
// an error caused by Interrupt or the step limit is returned as the
// runtime's abort error. With Config.StepsPerRun, the run has a budget of
// its own.
func (rt *Runtime) ExecTopLevel(name string, fn func(th *starlark.Thread) error) error {
	if rt.steps.perRun {
		rt.steps.limited, rt.steps.left = true, rt.steps.max
		defer rt.endRun()
	}
	return rt.execTopLevel(name, fn)
}

// execTopLevel is ExecTopLevel under the budget as it is.
func (rt *Runtime) execTopLevel(name string, fn func(th *starlark.Thread) error) (err error) {
	prev := rt.curRun.Swap(rt.runSeq.Add(1))
	defer rt.curRun.Store(prev)
	th := rt.newThread(name, nil, nil)
	stateOf(th).ctx = rt.topContext
	rt.acquire(th)
	defer rt.release(th)
	defer rt.recoverInto("Go code", &err)
	return rt.checkAbort(th, fn(th))
}

// recoverInto turns a panic of Go code run for a script into a
// RuntimeError in *err, logging its stack.
func (rt *Runtime) recoverInto(what string, err *error) {
	if r := recover(); r != nil {
		*err = rt.panicked(what, r)
	}
}
