package builtins

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"os"
	"strings"
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
	// 0 means no bound.
	MaxSteps uint64
	// Load implements load() for every thread of the runtime.
	Load func(thread *starlark.Thread, module string) (starlark.StringDict, error)
	// Argv is sys.argv.
	Argv []string
	// MaxHostCalls bounds how many host functions (see AsyncFunc) run at
	// once; 0 means no bound.
	MaxHostCalls int
}

// Runtime is the state one interpreter's builtins share. Its methods are for
// the goroutine acting for its loops (see package loop) unless they say
// otherwise.
type Runtime struct {
	cfg         Config
	stdout      io.Writer
	stderr      io.Writer
	clock       *loop.Clock
	predeclared starlark.StringDict

	current *Loop // the event loop get_event_loop returns when none runs
	unset   bool  // set_event_loop(None) was called
	running *Loop
	loops   []*Loop
	taskSeq int
	objSeq  uint32
	steps   stepBudget
	coros   []*Coroutine // debug mode: coroutines to check for never-awaited

	cur             atomic.Pointer[starlark.Thread] // the thread running script code
	interruptedFlag atomic.Bool
	mu              sync.Mutex // guards loops and interrupted
	interrupted     string

	print func(*starlark.Thread, string)

	hostCtx    context.Context
	hostCancel context.CancelFunc
	hostSem    chan struct{}
	hostWG     sync.WaitGroup

	sourcesMu sync.Mutex
	sources   map[string][]byte // script texts by file name, for print_stack
}

// AddSource records the text of the script file filename, so that
// Task.print_stack can show the source line of each frame, as CPython does.
func (rt *Runtime) AddSource(filename string, src []byte) {
	rt.sourcesMu.Lock()
	defer rt.sourcesMu.Unlock()
	if rt.sources == nil {
		rt.sources = make(map[string][]byte)
	}
	rt.sources[filename] = src
}

// sourceLine returns line n (from 1) of the recorded file filename, without
// its leading and trailing white space, or "" if it is not known.
func (rt *Runtime) sourceLine(filename string, n int32) string {
	rt.sourcesMu.Lock()
	src := rt.sources[filename]
	rt.sourcesMu.Unlock()
	for i := int32(1); i < n && len(src) > 0; i++ {
		if j := bytes.IndexByte(src, '\n'); j >= 0 {
			src = src[j+1:]
		} else {
			src = nil
		}
	}
	if j := bytes.IndexByte(src, '\n'); j >= 0 {
		src = src[:j]
	}
	return strings.TrimSpace(string(src))
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
	rt.hostCtx, rt.hostCancel = context.WithCancel(context.Background())
	if cfg.MaxHostCalls > 0 {
		rt.hostSem = make(chan struct{}, cfg.MaxHostCalls)
	}
	rt.print = func(_ *starlark.Thread, msg string) { io.WriteString(rt.stdout, msg+"\n") }
	rt.steps = stepBudget{limited: cfg.MaxSteps > 0, left: cfg.MaxSteps}
	rt.predeclared = rt.makePredeclared()
	return rt
}

// Predeclared returns the names every script of the runtime sees: asyncio,
// await_, try_, raise_, print, the exception types, and the modules.
func (rt *Runtime) Predeclared() starlark.StringDict { return rt.predeclared }

// Stdout returns the runtime's standard output.
func (rt *Runtime) Stdout() io.Writer { return rt.stdout }

// Stderr returns the runtime's standard error.
func (rt *Runtime) Stderr() io.Writer { return rt.stderr }

// Clock returns the runtime's clock, shared by its loops.
func (rt *Runtime) Clock() *loop.Clock { return rt.clock }

// threadState is what a thread of the runtime carries in its local.
type threadState struct {
	rt      *Runtime
	task    *Future // nil outside tasks
	loop    *Loop   // for callback threads: the loop that runs them
	granted uint64  // the thread's step limit while it holds the budget
	repl    bool    // a REPL statement's thread
}

// RunningThread returns the thread running script code now (or last); it
// may be called from any goroutine, to Cancel it.
func (rt *Runtime) RunningThread() *starlark.Thread { return rt.cur.Load() }

const localKey = "asyncrun"

func stateOf(thread *starlark.Thread) *threadState {
	ts, _ := thread.Local(localKey).(*threadState)
	if ts == nil {
		panic("asyncrun: thread was not made by a Runtime")
	}
	return ts
}

// NewThread returns a thread for top-level code of the runtime: print goes
// to the runtime's stdout, load to its loader, time.now and datetime follow
// its clock. Callers run one such thread at a time, and only while no loop of
// the runtime is running on another goroutine.
func (rt *Runtime) NewThread(name string) *starlark.Thread {
	return rt.newThread(name, nil, nil)
}

func (rt *Runtime) newThread(name string, task *Future, l *Loop) *starlark.Thread {
	th := &starlark.Thread{Name: name, Load: rt.cfg.Load, Print: rt.print}
	th.SetLocal(localKey, &threadState{rt: rt, task: task, loop: l})
	return th
}

// Interrupt stops all Starlark code of the runtime, running or to come, with
// the given reason: each thread fails at its next step. It may be called
// from any goroutine.
func (rt *Runtime) Interrupt(reason string) {
	rt.mu.Lock()
	defer rt.mu.Unlock()
	if rt.interrupted == "" {
		rt.interrupted = reason
	}
	rt.interruptedFlag.Store(true)
	rt.hostCancel()
	if th := rt.cur.Load(); th != nil {
		th.Cancel(reason)
	}
	abort := fmt.Errorf("Starlark computation cancelled: %s", reason)
	for _, lv := range rt.loops {
		lv.l.CallSoonThreadsafe(func() {
			if lv.fatal == nil {
				lv.fatal = abort
			}
			lv.l.Stop()
		})
	}
}

// Interrupted returns the reason given to Interrupt, or "".
func (rt *Runtime) Interrupted() string {
	rt.mu.Lock()
	defer rt.mu.Unlock()
	return rt.interrupted
}

// isAbort reports whether err is Starlark's own cancellation of a thread
// (an interrupt or the step limit), which try_ must not catch.
func isAbort(err error) bool {
	return err != nil && strings.Contains(err.Error(), "Starlark computation cancelled")
}

func (rt *Runtime) nextID() uint32 {
	rt.objSeq++
	return rt.objSeq
}

// stepBudget shares one step limit between all threads: the thread that runs
// holds the whole remainder, and gives back what it did not use when it
// stops running.
type stepBudget struct {
	limited bool
	left    uint64
}

// acquire marks th as the thread that runs script code from now on, and
// hands it the step budget.
func (rt *Runtime) acquire(th *starlark.Thread) {
	rt.cur.Store(th)
	if rt.interruptedFlag.Load() {
		rt.mu.Lock()
		th.Cancel(rt.interrupted)
		rt.mu.Unlock()
	}
	if !rt.steps.limited {
		return
	}
	ts := stateOf(th)
	if rt.steps.left == 0 {
		th.Cancel("too many steps")
		return
	}
	ts.granted = th.Steps + rt.steps.left
	rt.steps.left = 0
	th.SetMaxExecutionSteps(ts.granted)
}

func (rt *Runtime) release(th *starlark.Thread) {
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

// Acquire gives th the runtime's step budget before it runs top-level code;
// Release takes back what it did not use. Hosts running code on a thread of
// NewThread call them around it.
func (rt *Runtime) Acquire(th *starlark.Thread) { rt.acquire(th) }

// Release: see Acquire.
func (rt *Runtime) Release(th *starlark.Thread) { rt.release(th) }
