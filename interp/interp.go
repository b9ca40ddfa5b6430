// Package interp embeds asyncrun in Go programs: it runs Starlark scripts
// with Python asyncio semantics on an event loop of their own. It is the
// whole Go API a host needs; values cross it as go.starlark.net values.
//
// An Interp is one interpreter: its own loops, clock, output streams and step
// budget, with no state shared with other interpreters, so many may run in
// one process at once, each on its own goroutine. An Interp's methods must
// not be called concurrently unless they say otherwise; run one script at a
// time on it.
package interp

import (
	"context"
	"fmt"
	"io"
	"log"
	"os"
	"path/filepath"
	"strings"
	"sync"

	"github.com/asyncrun/asyncrun/builtins"
	"github.com/asyncrun/asyncrun/loop"
	"go.starlark.net/starlark"
	"go.starlark.net/syntax"
)

// FileOptions returns the Starlark dialect options asyncrun scripts use:
// while loops, top-level control flow, global reassignment, recursion and
// sets. Each call returns a new value.
func FileOptions() *syntax.FileOptions {
	return &syntax.FileOptions{While: true, TopLevelControl: true, GlobalReassign: true, Recursion: true, Set: true}
}

// Options configure an interpreter. The zero value writes to os.Stdout and
// os.Stderr, runs in real time, and has no step limit.
type Options struct {
	Stdout, Stderr io.Writer
	// VirtualTime makes the clock stand still while code runs and jump to
	// the next timer when nothing is ready: sleeps return at once and runs
	// are deterministic.
	VirtualTime bool
	// Debug turns on asyncio debug mode for every loop.
	Debug bool
	// MaxSteps bounds the Starlark execution steps of the whole run, across
	// all tasks; 0 means no bound. Past it the run fails with ErrStepLimit.
	// By default the bound is for the interpreter's whole life: once it is
	// spent, every later run fails too. See StepsPerRun.
	MaxSteps uint64
	// StepsPerRun makes MaxSteps the budget of each run instead, as a prompt
	// wants it for each statement: each call of ExecFile or ExecChunk, and
	// each submission to the loop RunForever runs (ExecChunkThreadsafe,
	// RunCoroutineThreadsafe), starts with MaxSteps steps, and a run that
	// spends them fails with ErrStepLimit while the interpreter stays usable.
	// While a submission runs, the steps of all script code on the loop count
	// against its budget (the tasks it awaits do its work, so they count),
	// and each new submission refills it; steps run while no submission runs
	// are not counted. When the budget is spent, every submission running
	// then fails with ErrStepLimit (an error no script catches; an await_ in
	// it gets a CancelledError first, so that what it awaits is cancelled),
	// and other tasks go on.
	StepsPerRun bool
	// Predeclared names are added to (and override) the standard ones.
	// Builtins among them (and in modules among them) are wrapped so that a
	// panic becomes a script exception (see Func).
	Predeclared starlark.StringDict
	// Args is sys.argv: the script's name, then its arguments.
	Args []string
	// Load, if set, replaces the default loader of load() statements, which
	// reads files relative to the loading script, inside LoadRoot.
	Load func(thread *starlark.Thread, module string) (starlark.StringDict, error)
	// LoadRoot is the folder the default loader may read from; empty means
	// the folder of the first file ExecFile runs. A load() that resolves
	// outside it fails unless LoadOutsideRoot is set.
	LoadRoot        string
	LoadOutsideRoot bool
	// MaxHostCalls bounds how many host functions (see AsyncFunc) run at
	// once; further calls wait for a slot. 0 means no bound.
	MaxHostCalls int
	// Logger receives the Go stack of every panic recovered in Go code run
	// for a script (a host function, a builtin); scripts see only a short
	// message. nil means the stacks are dropped.
	Logger *log.Logger
}

// Interp is an interpreter. Create it with New, run scripts with ExecFile,
// and Close it when done.
type Interp struct {
	opts        Options
	rt          *builtins.Runtime
	predeclared starlark.StringDict
	modules     map[string]*module
	root        string

	// host calls (see AsyncFunc)
	hostCtx    context.Context
	hostCancel context.CancelFunc
	hostSem    chan struct{}
	hostWG     sync.WaitGroup
}

type module struct {
	globals starlark.StringDict
	err     error
	loading bool
}

// New returns an interpreter with the given options.
func New(opts Options) *Interp {
	it := &Interp{opts: opts, modules: make(map[string]*module)}
	it.hostCtx, it.hostCancel = context.WithCancel(context.Background())
	if opts.MaxHostCalls > 0 {
		it.hostSem = make(chan struct{}, opts.MaxHostCalls)
	}
	load := opts.Load
	if load == nil {
		load = it.loadFile
	}
	it.rt = builtins.NewRuntime(builtins.Config{
		Stdout: opts.Stdout, Stderr: opts.Stderr, Clock: loop.NewClock(opts.VirtualTime),
		Debug: opts.Debug, MaxSteps: opts.MaxSteps, StepsPerRun: opts.StepsPerRun, Load: load, Argv: opts.Args,
		Logger: opts.Logger, Host: it,
	})
	it.predeclared = starlark.StringDict{}
	for k, v := range it.rt.Predeclared() {
		it.predeclared[k] = v
	}
	for k, v := range opts.Predeclared {
		it.predeclared[k] = guard(v)
	}
	return it
}

// Predeclared returns the names every script of the interpreter sees.
func (it *Interp) Predeclared() starlark.StringDict { return it.predeclared }

// ExecFile runs a script and returns its globals. src may be nil (the file
// is read), a string, []byte or io.Reader. Cancelling ctx interrupts the
// script and all its tasks; the error then wraps ctx's cause.
func (it *Interp) ExecFile(ctx context.Context, filename string, src any) (starlark.StringDict, error) {
	if it.root == "" {
		it.root = it.opts.LoadRoot
		if it.root == "" {
			it.root = filepath.Dir(filename)
		}
		it.root, _ = filepath.Abs(it.root)
	}
	text, err := sourceBytes(filename, src)
	if err != nil {
		return nil, &Error{err: err}
	}
	it.rt.AddSource(filename, text)
	stop := context.AfterFunc(ctx, func() { it.rt.Interrupt(context.Cause(ctx)) })
	defer stop()
	var globals starlark.StringDict
	err = it.rt.ExecTopLevel("main", func(th *starlark.Thread) error {
		var err error
		globals, err = starlark.ExecFileOptions(FileOptions(), th, filename, text, it.predeclared)
		return err
	})
	return globals, it.wrapErr(ctx, err)
}

// wrapErr makes the error of a run an *Error, noting ctx's cause when ctx
// ended the run.
func (it *Interp) wrapErr(ctx context.Context, err error) error {
	if err == nil {
		return nil
	}
	e := &Error{err: withHint(err)}
	if ctx.Err() != nil {
		e.ctxErr = context.Cause(ctx)
	}
	return e
}

// KeyboardInterrupt interrupts the interpreter's script code as Ctrl-C
// does in Python: CPU-bound code gets a KeyboardInterrupt exception at its
// next step, and the tasks of the running loop are cancelled, so that
// finally_ clauses run and cancelled tasks clean up (their cleanup may
// await). It may be called from any goroutine. To stop everything at once
// instead, cancel the context of ExecFile.
func (it *Interp) KeyboardInterrupt() { it.rt.KeyboardInterrupt() }

// KeyboardInterruptRunning interrupts only the script code running at this
// moment, if any: it gets a KeyboardInterrupt exception at its next step,
// as with KeyboardInterrupt, but no task is cancelled, so tasks waiting in
// await_ are left alone. It reports whether script code was running, and
// may be called from any goroutine. A host whose loop runs with RunForever
// unwedges it this way when CPU-bound code (a task that never awaits) keeps
// it from running anything else: OnLoop work that does not run in
// reasonable time shows that.
func (it *Interp) KeyboardInterruptRunning() bool { return it.rt.KeyboardInterruptRunning() }

// Close closes the interpreter's loops: pending tasks are reported and ended,
// and exceptions nobody retrieved are reported on stderr. Host calls still
// running are cancelled and waited for. Close ends every goroutine of the
// interpreter.
func (it *Interp) Close() error {
	it.hostCancel()
	it.hostWG.Wait()
	it.rt.Close()
	return nil
}

// sourceBytes returns the text of a script as ExecFile takes it: read from
// the file when src is nil, or src itself (a string, []byte or io.Reader).
func sourceBytes(filename string, src any) ([]byte, error) {
	switch src := src.(type) {
	case nil:
		return os.ReadFile(filename)
	case string:
		return []byte(src), nil
	case []byte:
		return src, nil
	case io.Reader:
		return io.ReadAll(src)
	}
	return nil, fmt.Errorf("interp: invalid source: %T", src)
}

// loadFile is the default loader: module paths are relative to the folder
// of the loading script; each module is loaded once; cycles are errors.
func (it *Interp) loadFile(thread *starlark.Thread, name string) (starlark.StringDict, error) {
	path := name
	if !filepath.IsAbs(path) {
		from := thread.CallFrame(0).Pos.Filename()
		path = filepath.Join(filepath.Dir(from), name)
	}
	if abs, err := filepath.Abs(path); err == nil {
		path = abs
	}
	if rel, err := filepath.Rel(it.root, path); !it.opts.LoadOutsideRoot && (err != nil || rel == ".." || strings.HasPrefix(rel, ".."+string(filepath.Separator))) {
		return nil, fmt.Errorf("load: %s is outside the script root %s", name, it.root)
	}
	if m, ok := it.modules[path]; ok {
		if m.loading {
			return nil, fmt.Errorf("load: cycle in load graph: %s is being loaded", name)
		}
		return m.globals, m.err
	}
	m := &module{loading: true}
	it.modules[path] = m
	src, err := os.ReadFile(path)
	if err != nil {
		m.err = fmt.Errorf("load: %v", err)
	} else {
		it.rt.AddSource(path, src)
		// The module runs on the loading thread: its steps count against
		// the loader's budget, and its frames sit above the load().
		m.globals, m.err = starlark.ExecFileOptions(FileOptions(), thread, path, src, it.predeclared)
		m.err = withHint(m.err)
	}
	m.loading = false
	return m.globals, m.err
}
