package builtins

import (
	"errors"
	"io"
	"log"
	"math"
	"os"
	"sync"
	"sync/atomic"

	"github.com/asyncrun/asyncrun/loop"
	"go.starlark.net/starlark"
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
	// Host is the embedding layer's own value for the runtime, which Go
	// functions called by scripts find with HostOf.
	Host any
}

// ErrStepLimit is the cause of a run stopped by Config.MaxSteps.
var ErrStepLimit = errors.New("too many steps")

// Runtime is the state one interpreter's builtins share. Its methods are for
// the goroutine acting for its loops (see package loop) unless they say
// otherwise.
type Runtime struct {
	cfg         Config
	stdout      io.Writer
	stderr      io.Writer
	clock       *loop.Clock
	predeclared starlark.StringDict

	host       *eventLoop  // the host loop (see RunHosted)
	topContext *varContext // the context of top-level code
	current    *eventLoop  // the event loop get_event_loop returns when none runs
	unset      bool        // set_event_loop(None) was called
	running    *eventLoop
	loops      []*eventLoop
	taskSeq    int
	objSeq     uint32
	steps      stepBudget
	// submissions are the host's submissions running under a budget of
	// their own (Config.StepsPerRun): the ones the step limit stops.
	submissions map[*Submission]bool
	coros       []*coroutine // debug mode: coroutines to check for never-awaited

	cur   atomic.Pointer[starlark.Thread] // the thread running script code
	abort atomic.Pointer[abortError]      // set once by Interrupt or the step limit
	mu    sync.Mutex                      // guards loops

	sourcesMu sync.Mutex
	sources   map[string][]byte // script texts by file name, for print_stack
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
	if rt.clock == nil {
		rt.clock = loop.NewClock(false)
	}
	rt.steps = stepBudget{limited: cfg.MaxSteps > 0 && !cfg.StepsPerRun, left: cfg.MaxSteps}
	if cfg.MaxSteps > 0 && cfg.StepsPerRun {
		rt.steps.perRun, rt.steps.max = true, cfg.MaxSteps
	}
	rt.topContext = &varContext{}
	rt.predeclared = rt.makePredeclared()
	rt.current = rt.newLoop()
	rt.host = rt.current
	return rt
}

// Predeclared returns the names every script of the runtime sees: asyncio,
// await_, try_, raise_, print, the exception types, and the modules.
func (rt *Runtime) Predeclared() starlark.StringDict { return rt.predeclared }

// threadState is what a thread of the runtime carries in its local.
type threadState struct {
	rt       *Runtime
	task     *future                    // nil outside tasks
	loop     *eventLoop                 // for callback threads: the loop that runs them
	granted  uint64                     // the thread's step limit while it holds the budget
	toplevel bool                       // a host's submission: top-level code run as a task
	ctx      *varContext                // the context variables of the code running on the thread
	keyboard atomic.Bool                // KeyboardInterrupt cancelled the thread: see checkAbort
	stopped  atomic.Pointer[abortError] // the thread's submission was stopped: see checkAbort
}

const localKey = "asyncrun"

// stateOf returns the state of a thread of the runtime. Script code only
// runs on such threads; a builtin called on another thread (a host calling
// starlark.Call with a thread of its own) is refused by callerState.
func stateOf(thread *starlark.Thread) *threadState {
	ts, _ := thread.Local(localKey).(*threadState)
	return ts
}

// errForeignThread is returned by builtins called on a thread that no
// Runtime made.
var errForeignThread = errors.New("asyncrun: this function must be called by a script of an interpreter (the thread was not made by one)")

func (rt *Runtime) newThread(name string, task *future, l *eventLoop) *starlark.Thread {
	th := &starlark.Thread{Name: name, Load: rt.cfg.Load, Print: rt.printLine}
	th.SetLocal(localKey, &threadState{rt: rt, task: task, loop: l})
	th.OnMaxSteps = rt.onMaxSteps
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
	return rt.running != nil && rt.running.l.Debug()
}

// Interrupt stops all Starlark code of the runtime, running or to come,
// with the given cause: each thread fails at its next step with an error
// that no script can catch and that wraps cause. It may be called from any
// goroutine.
func (rt *Runtime) Interrupt(cause error) {
	a := &abortError{cause: cause}
	if !rt.abort.CompareAndSwap(nil, a) {
		a = rt.abort.Load()
	}
	if th := rt.cur.Load(); th != nil {
		th.Cancel(a.Error())
	}
	rt.mu.Lock()
	defer rt.mu.Unlock()
	for _, lv := range rt.loops {
		lv.l.CallSoonThreadsafe(func() { lv.fail(a) })
	}
}

// onMaxSteps is called on the thread that spent the last step of the
// budget: it aborts the runtime, and ends the run of the running loop at
// once (a task spinning beside others that sleep long must not wait for
// them). When submissions to the host loop have budgets of their own, it
// stops them instead (see stopSubmissions).
func (rt *Runtime) onMaxSteps(th *starlark.Thread) {
	if len(rt.submissions) > 0 {
		rt.stopSubmissions(th)
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
func (rt *Runtime) KeyboardInterrupt() {
	rt.KeyboardInterruptRunning()
	rt.mu.Lock()
	defer rt.mu.Unlock()
	for _, lv := range rt.loops {
		l := lv.l
		l.CallSoonThreadsafe(func() {
			if l.IsRunning() {
				for _, t := range l.Tasks() {
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
	th := rt.cur.Load()
	if th == nil {
		return false
	}
	keyboardInterrupt(th)
	return true
}

// keyboardInterrupt makes th's next step raise KeyboardInterrupt (see
// checkAbort).
func keyboardInterrupt(th *starlark.Thread) {
	stateOf(th).keyboard.Store(true)
	th.Cancel("KeyboardInterrupt")
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
//   - Each submission to the host loop refills the budget when it starts,
//     and the steps of all script code on the loop count against it while
//     any submission runs (the tasks a submission waits for do its work);
//     while none does, steps are not counted. Spent, it stops the running
//     submissions with ErrStepLimit and is lifted until the next one starts:
//     the other tasks go on.
//
// limited changes only when no thread holds the budget (before a run, and
// on the loop between callbacks), or in onMaxSteps.
type stepBudget struct {
	limited bool
	left    uint64
	perRun  bool
	max     uint64 // the budget of a run, when perRun
}

// startSubmission gives s, a submission whose task fv was just made, a
// budget of its own (see stepBudget); it runs on the host loop.
func (rt *Runtime) startSubmission(s *Submission, fv *future) {
	if !rt.steps.perRun {
		return
	}
	if rt.submissions == nil {
		rt.submissions = make(map[*Submission]bool)
	}
	rt.submissions[s] = true
	rt.steps.limited, rt.steps.left = true, rt.steps.max
	fv.f.AddDoneCallback(func(*loop.Future) {
		delete(rt.submissions, s)
		if len(rt.submissions) == 0 {
			rt.steps.limited = false
		}
	}, nil)
}

// stopSubmissions is onMaxSteps while submissions have budgets of their
// own: every running submission is stopped with ErrStepLimit, and the
// budget is lifted until the next submission starts, so th, the thread that
// spent the last step, goes on unless it is a submission's.
func (rt *Runtime) stopSubmissions(th *starlark.Thread) {
	a := &abortError{cause: ErrStepLimit}
	for s := range rt.submissions {
		s.stop(a)
	}
	rt.steps.limited, rt.steps.left = false, 0
	stateOf(th).granted = 0
	th.SetMaxExecutionSteps(math.MaxUint64)
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
// hands it the step budget.
func (rt *Runtime) acquire(th *starlark.Thread) {
	rt.cur.Store(th)
	if a := rt.abort.Load(); a != nil {
		th.Cancel(a.Error())
	}
	if !rt.steps.limited {
		if rt.steps.perRun {
			th.SetMaxExecutionSteps(math.MaxUint64) // it may have run under a budget before
		}
		return
	}
	ts := stateOf(th)
	if rt.steps.left == 0 {
		rt.onMaxSteps(th)
		return
	}
	ts.granted = th.Steps + rt.steps.left
	rt.steps.left = 0
	th.SetMaxExecutionSteps(ts.granted)
}

// release takes back from th the steps it did not use; th no longer runs
// script code.
func (rt *Runtime) release(th *starlark.Thread) {
	rt.cur.CompareAndSwap(th, nil)
	if !rt.steps.limited {
		return
	}
	ts := stateOf(th)
	if ts.granted > th.Steps {
		rt.steps.left += ts.granted - th.Steps
	}
	ts.granted = th.Steps
	th.SetMaxExecutionSteps(th.Steps)
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
