package interp

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"log"
	"os"
	"path/filepath"
	"sync"
	"time"

	"github.com/asyncrun/asyncrun/internal/builtins"
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
	// LoadRoot is the folder the default loader may read from (through an
	// os.Root of it: no ".." or symbolic link leads out); empty means the
	// folder of the first file ExecFile reads itself (src nil), and no
	// loading for scripts given as source. The loader reads .star files
	// only. A load() it refuses (another kind of file, a path outside the
	// root) is a PermissionError, unless LoadOutsideRoot is set, which
	// lets it read .star files anywhere.
	LoadRoot        string
	LoadOutsideRoot bool
	// MaxHostCalls bounds how many host functions (see AsyncFunc) run at
	// once; further calls wait in a queue, holding no goroutine. 0 means no
	// bound.
	MaxHostCalls int
	// Logger receives the Go stack of every panic recovered in Go code run
	// for a script (a host function, a builtin); scripts see only a short
	// message. nil means the stacks are dropped.
	Logger *log.Logger
	// MaxTasks bounds the unfinished tasks of the interpreter; creating one
	// more is a RuntimeError in the script (wrapping ErrTaskLimit). 0 means
	// no bound.
	MaxTasks int
	// MaxProcesses bounds the live child processes of the interpreter
	// (started and not yet reaped): starting one more is OSError EAGAIN
	// ("[Errno 11] Resource temporarily unavailable"), as a fork past a
	// process limit. 0 means the default, 256; a negative value means no
	// bound.
	MaxProcesses int
	// MaxMemory bounds the Go heap, in bytes: when the heap passes it, the
	// runs in flight (ExecFile, Call) stop, as the step limit stops them,
	// with MemoryError in the traceback and ErrMemoryLimit for the host;
	// the interpreter stays usable, and the next run works once the heap
	// is back under the bound. The heap is the process's (what every
	// interpreter and the host itself hold), sampled by one goroutine for
	// all interpreters, every 1 to 50 ms depending on the distance to the
	// bound and after every garbage collection: a script allocating in a loop stops soon after the bound, but
	// a single allocation larger than the bound completes first, and the
	// host's own allocations count. 0 means no bound.
	MaxMemory int64
	// OnUnhandled, if set, receives what the default exception handler
	// would print on stderr: an exception nobody retrieved, an exception in
	// a callback, a task destroyed while pending (Exception is nil then).
	// A script's own loop.set_exception_handler takes precedence.
	OnUnhandled func(Unhandled)
	// AllowNet, AllowRun, AllowRead and AllowWrite grant what a script may
	// reach outside the interpreter: nil denies (the default: a script
	// that tries gets a PermissionError naming the CLI flag that grants
	// it), an empty non-nil list grants everything of the kind, and a list
	// grants its entries. No permission implies another.
	//   - AllowNet: connecting (asyncio.open_connection) and listening
	//     (asyncio.start_server); entries "host:port", "host" (any port)
	//     or ":port" (any host), hosts compared as written.
	//   - AllowRun: starting programs (asyncio.create_subprocess_exec;
	//     create_subprocess_shell needs "sh"); entries are program names
	//     or paths, a name granting the file it names on the PATH too.
	//     The program is resolved once, at the check, through the host's
	//     PATH and working folder, and that path runs whatever cwd= and
	//     env= say; with a list, env= may not set LD_* or DYLD_*.
	//   - AllowRead, AllowWrite: open() for reading, and for writing or
	//     appending; entries are folders or files. A folder is a root
	//     (os.Root): files open through it, symbolic links are followed
	//     while they stay inside, and a path that leaves it is a
	//     PermissionError naming the path as the script wrote it.
	// Child processes run with the host's environment and working folder
	// unless the script gives env= or cwd=, and can do whatever the host
	// process can: AllowRun grants much.
	AllowNet, AllowRun, AllowRead, AllowWrite []string
	// Stdin is what child processes started with stdin=None read: an
	// *os.File (the CLI gives its standard input), or nil for nothing
	// (/dev/null). Their output with stdout=None or stderr=None goes to
	// Stdout and Stderr.
	Stdin io.Reader
	// Trace, if set, receives a timeline of everything the interpreter's
	// loops run, in the Chrome Trace Event Format (JSON, which Perfetto
	// and chrome://tracing open): a track per task, named by the task's
	// name, with a slice for each step it ran (labelled with the line it
	// resumed at, and what it awaited then), its creation (an arrow from
	// the task or callback that made it) and its end (result, exception or
	// cancelled); the callbacks scripts scheduled and the host calls (see
	// AsyncFunc) on tracks of their own. Timestamps are the loop clock's
	// microseconds, so under VirtualTime they are simulated time. The
	// trace is written as the run goes, in blocks of 64 KB, and Close
	// writes its end; Close returns the first error of writing it. The
	// interpreter does not close the writer. See internal/builtins/tracer.go for the events.
	Trace io.Writer
	// CancelGrace is how long code whose context ended (a Call, an
	// ExecFile), or that Close stops, has to finish after its task is
	// cancelled: past it the code is aborted with an error no script
	// catches, so that a script that swallows CancelledError still ends.
	// 0 means DefaultCancelGrace (100 ms).
	CancelGrace time.Duration
}

// Unhandled is a report of the default exception handler (see
// Options.OnUnhandled).
type Unhandled struct {
	// Message is CPython's: "Task exception was never retrieved",
	// "Exception in callback cb() at x.star:3", ...
	Message string
	// Exception is the exception, or nil.
	Exception *Exception
	// Report is the whole text the handler would print.
	Report string
}

// Interp is an interpreter. Create it with New, run scripts with ExecFile,
// and Close it when done.
type Interp struct {
	opts        Options
	rt          *builtins.Runtime
	predeclared starlark.StringDict
	modules     map[string]*module
	root        string
	host        hostState

	globalsMu sync.Mutex
	globals   starlark.StringDict // of the scripts run so far, for Call by name

	dumpMu sync.Mutex
	dump   *dumpRequest // a DumpTasks no loop has answered yet

	// host calls (see AsyncFunc)
	hostCtx    context.Context
	hostCancel context.CancelFunc
	hostWG     sync.WaitGroup
	calls      hostCalls
}

type module struct {
	globals starlark.StringDict
	err     error
	loading bool
}

// freezeMu serializes the freezing of predeclared values by New: Freeze is
// not safe for concurrent use.
var freezeMu sync.Mutex

// New returns an interpreter with the given options. Values given in
// Options.Predeclared are frozen: a script cannot change them, and
// interpreters may share them.
func New(opts Options) *Interp {
	it := &Interp{opts: opts, modules: make(map[string]*module), globals: starlark.StringDict{}}
	it.hostCtx, it.hostCancel = context.WithCancel(context.Background())
	it.calls.max = opts.MaxHostCalls
	if opts.LoadRoot != "" {
		it.root, _ = filepath.Abs(opts.LoadRoot)
	}
	load := opts.Load
	if load == nil {
		load = it.loadFile
	}
	clock := loop.NewClock(opts.VirtualTime)
	cfg := builtins.Config{Parts: parts,
		Stdout: opts.Stdout, Stderr: opts.Stderr, Clock: clock,
		Debug: opts.Debug, MaxSteps: opts.MaxSteps, StepsPerRun: opts.StepsPerRun, Load: load, Argv: opts.Args,
		Logger: opts.Logger, MaxTasks: opts.MaxTasks, Host: it,
		Perm: opts.permissions(), Stdin: opts.Stdin,
	}
	cfg.MaxProcesses = opts.MaxProcesses
	cfg.Trace = opts.Trace
	if on := opts.OnUnhandled; on != nil {
		cfg.OnReport = func(message string, err error, report string) {
			u := Unhandled{Message: message, Report: report}
			if err != nil {
				u.Exception = exceptionOf(err)
			}
			on(u)
		}
	}
	it.rt = builtins.NewRuntime(cfg)
	it.predeclared = starlark.StringDict{}
	for k, v := range it.rt.Predeclared() {
		it.predeclared[k] = v
	}
	freezeMu.Lock() // a value shared by interpreters made at once is frozen once
	for k, v := range opts.Predeclared {
		v.Freeze()
		it.predeclared[k] = guard(v)
	}
	freezeMu.Unlock()
	withHidden(it.predeclared)
	if opts.MaxMemory > 0 {
		it.startMemoryLimit()
	}
	return it
}

// Predeclared returns the names every script of the interpreter sees.
func (it *Interp) Predeclared() starlark.StringDict { return it.predeclared }

// Globals returns the module globals of the scripts the interpreter ran
// (ExecFile, Exec), by name; later scripts' names replace earlier ones'.
// The values are the scripts': read them only where no script code runs
// (see OnLoop).
func (it *Interp) Globals() starlark.StringDict {
	it.globalsMu.Lock()
	defer it.globalsMu.Unlock()
	d := make(starlark.StringDict, len(it.globals))
	for k, v := range it.globals {
		d[k] = v
	}
	return d
}

// ExecFile runs a script and returns its globals. src may be nil (the file
// is read), a string, []byte or io.Reader. Cancelling ctx interrupts the
// script and all its tasks; the error then wraps ctx's cause. While
// RunForever runs, the script runs as a task of the loop (a way to load
// more code into a running interpreter).
//
// A script's module globals stay as they are when it ends: not frozen, as
// in Python, so the tasks and calls that run later may change its lists and
// dicts (and, through functions of the script, nothing else). Script code
// only runs on the loop, one piece at a time, so that is race-free; Go code
// reads script values through Call or OnLoop, not while the loop runs.
func (it *Interp) ExecFile(ctx context.Context, filename string, src any) (starlark.StringDict, error) {
	p, err := it.compile(filename, src)
	if err != nil {
		return nil, &Error{err: withHint(err)}
	}
	return it.Exec(ctx, p)
}

// Exec runs a compiled program (see Compile), as ExecFile runs a file.
func (it *Interp) Exec(ctx context.Context, p *Program) (starlark.StringDict, error) {
	if it.root == "" && p.fromFile {
		it.root, _ = filepath.Abs(filepath.Dir(p.filename))
	}
	it.rt.AddSource(p.filename, p.src)
	var globals starlark.StringDict
	run := func(th *starlark.Thread) (starlark.Value, error) {
		var err error
		globals, err = p.prog.Init(th, it.predeclared)
		return starlark.None, err
	}
	err := it.execHere(ctx, p.filename, func(th *starlark.Thread) error {
		_, err := run(th)
		return err
	}, func() error {
		_, err := it.submit(ctx, builtins.Code{Name: p.filename, Context: ctx, Fn: run})
		return err
	})
	it.globalsMu.Lock()
	for k, v := range globals {
		it.globals[k] = v
	}
	it.globalsMu.Unlock()
	return globals, err
}

// execHere runs fn, top-level code, on the calling goroutine: the loop runs
// here while it awaits. When ctx ends, the run is aborted (see run) and
// what its scripts opened (connections, files, child processes) is closed.
// hosted, if not nil, runs instead when RunForever runs the loop (see
// runHere).
func (it *Interp) execHere(ctx context.Context, name string, fn func(th *starlark.Thread) error, hosted func() error) error {
	var orHosted func() (starlark.Value, error)
	if hosted != nil {
		orHosted = func() (starlark.Value, error) { return nil, hosted() }
	}
	_, err := it.host.runHere(ctx, func() (starlark.Value, error) {
		r, err := it.startRun(true)
		if err != nil {
			return nil, err
		}
		r.shutIO = true
		stop := r.bound(ctx, true)
		err = it.rt.ExecTopLevel(name, fn)
		stop()
		r.end()
		if r.ioDown {
			// What the script opened is closed; later runs get fresh I/O.
			rctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
			it.rt.ResetIO(rctx)
			cancel()
		}
		return nil, it.wrapErr(ctx, it.closedErr(err))
	}, orHosted)
	return err
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

// DumpTasks writes to w the call graph of every pending task of the
// interpreter, each as asyncio.print_call_graph prints it (the task, the
// stack it is suspended in, and what awaits it, recursively), and returns
// a channel closed once it is written. It may be called from any
// goroutine. When no loop and no script code of the interpreter runs, it
// writes at once. Otherwise the loop that runs writes it between two
// callbacks, before the work submitted to the loop after this call, such
// as the cancellations of KeyboardInterrupt or of a run's context: called
// first, DumpTasks shows the tasks as they were. While top-level code runs
// outside any loop, the next loop to run writes it. The next call of
// DumpTasks withdraws a dump not written by then (or waits for the one
// being written).
func (it *Interp) DumpTasks(w io.Writer) <-chan struct{} {
	it.dumpMu.Lock()
	defer it.dumpMu.Unlock()
	if old := it.dump; old != nil {
		old.once.Do(func() {})
		it.dump = nil
	}
	req := &dumpRequest{done: make(chan struct{})}
	write := func() {
		it.rt.DumpTasks(w)
		close(req.done)
	}
	if it.host.exec.TryLock() {
		defer it.host.exec.Unlock()
		req.once.Do(write)
		return req.done
	}
	it.dump = req
	it.rt.OnRunningLoopThreadsafe(func() { req.once.Do(write) })
	return req.done
}

// dumpRequest is a call of DumpTasks that a loop is to answer.
type dumpRequest struct {
	once sync.Once
	done chan struct{}
}

// Close closes the interpreter, as CloseContext with no deadline.
func (it *Interp) Close() error { return it.CloseContext(context.Background()) }

// CloseContext closes the interpreter, from any goroutine, at any time.
// Code still running (a Call, an ExecFile, RunForever's loop) is stopped
// first: cancelled, then aborted after Options.CancelGrace; RunForever
// returns, and the calls in flight fail with an error wrapping ErrClosed.
// Then it closes the interpreter's loops: pending tasks are reported
// and ended, exceptions nobody retrieved are reported, and work submitted
// that has not run fails with ErrClosed. The connections, servers and
// files scripts opened are closed, and their child processes killed (with
// what they started) and reaped. Host calls still running are cancelled
// and waited for, until ctx is done: a host function that ignores its
// context is then left running (its goroutine, and what it holds), and
// CloseContext returns ctx's error. Otherwise no goroutine of the
// interpreter is left. The trace (Options.Trace) is ended; an error
// writing it is returned if there is no other. If ctx ends before the code
// running has stopped, CloseContext returns ctx's error and leaves the
// loops to that code.
func (it *Interp) CloseContext(ctx context.Context) error { return it.closeContext(ctx) }

// sourceBytes returns the text of a script as ExecFile takes it: read from
// the file when src is nil, or src itself (a string, []byte or io.Reader),
// without a leading UTF-8 byte order mark, which Python accepts too.
func sourceBytes(filename string, src any) ([]byte, error) {
	var text []byte
	var err error
	switch src := src.(type) {
	case nil:
		text, err = os.ReadFile(filename)
	case string:
		text = []byte(src)
	case []byte:
		text = src
	case io.Reader:
		text, err = io.ReadAll(src)
	default:
		err = fmt.Errorf("interp: invalid source: %T", src)
	}
	return bytes.TrimPrefix(text, []byte("\ufeff")), err
}

// loadFile is the default loader: module paths are relative to the folder
// of the loading script; each module is loaded once; cycles are errors.
// Only .star files inside the load root are read, through an os.Root of
// it (unless Options.LoadOutsideRoot); with no root (a script given as
// source, with no Options.LoadRoot) load() fails. See load.go.
func (it *Interp) loadFile(thread *starlark.Thread, name string) (starlark.StringDict, error) {
	path, err := it.modulePath(thread, name)
	if err != nil {
		return nil, err
	}
	if m, ok := it.modules[path]; ok {
		if m.loading {
			return nil, fmt.Errorf("load: cycle in load graph: %s is being loaded", name)
		}
		return m.globals, m.err
	}
	m := &module{loading: true}
	it.modules[path] = m
	src, err := it.readModule(name, path)
	if err != nil {
		m.err = err
	} else {
		it.rt.AddSource(path, src)
		// The module runs on the loading thread: its steps count against
		// the loader's budget, and its frames sit above the load().
		m.globals, m.err = execModule(thread, path, src, it.predeclared)
		m.err = withHint(m.err)
	}
	m.loading = false
	return m.globals, m.err
}
