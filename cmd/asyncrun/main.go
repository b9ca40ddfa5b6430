// Command asyncrun runs Starlark scripts with Python asyncio semantics.
//
//	asyncrun [flags] script.star [args...]
//	asyncrun [flags] -c 'code' [args...]
//	asyncrun [flags] -            (script on standard input)
//
// Exit status: 0 success, 1 uncaught script error, 2 usage error or
// unreadable script, 124 timeout, 130 interrupted (Ctrl-C), 143 SIGTERM,
// 129 SIGHUP, 131 SIGQUIT (with -debug).
package main

import (
	"bytes"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"time"

	"github.com/asyncrun/asyncrun/interp"
	"github.com/asyncrun/asyncrun/repl"
)

// version is the asyncrun release.
const version = "0.1.0"

func main() { os.Exit(runContained(os.Args[1:])) }

// runContained runs the CLI as a process of its own: it is a child
// subreaper (Linux) for the run, and whatever the run started and left
// behind (each child's process group, descendants that left it) is killed
// and reaped before it returns the exit status.
func runContained(args []string) int {
	exit = os.Exit
	endDescendants = interp.ContainDescendants()
	status := run(args, os.Stdin, os.Stdout, os.Stderr)
	endDescendants()
	return status
}

// endDescendants kills and reaps what the run left behind, before the
// process exits; it does nothing unless the CLI runs as a process of its
// own (runContained).
var endDescendants = func() {}

// The grace periods of a run that is stopped: after Ctrl-C, SIGTERM or
// SIGHUP the script has stopGrace to clean up (its tasks are cancelled
// and may await in their cleanup), then it is stopped as -timeout stops
// it; once stopped (or once -timeout expires), a run that has not ended
// within exitGrace (a task wedged in a blocking call: a write to a
// stdout nobody reads, the open of a FIFO) is abandoned: the children are
// killed and the CLI exits with the run's status.
const (
	stopGrace = 2 * time.Second
	exitGrace = 1 * time.Second
)

func run(args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	return runWith(args, stdin, stdout, stderr, nil)
}

// runWith is run with a hook that may change the interpreter's options
// (tests give scripts host functions with it).
func runWith(args []string, stdin io.Reader, stdout, stderr io.Writer, configure func(*interp.Options)) int {
	fs := flag.NewFlagSet("asyncrun", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var (
		code        = fs.String("c", "", "run `code` given as a string")
		debug       = fs.Bool("debug", false, "asyncio debug mode: report never-awaited coroutines, slow callbacks, deadlocks")
		virtualTime = fs.Bool("virtual-time", false, "run on a virtual clock: sleeps return at once, output is deterministic")
		timeout     = fs.Duration("timeout", 0, "cancel everything and exit with status 124 after `duration` (0: none)")
		maxSteps    = fs.Uint64("max-steps", 0, "stop after `N` Starlark execution steps across all tasks (0: no limit)")
		maxTasks    = fs.Int("max-tasks", 0, "at most `N` unfinished tasks; creating one more is a RuntimeError (0: no limit)")
		maxMemory   byteSize
		maxProcs    = fs.Int("max-processes", 256, "at most `N` live child processes; starting one more is OSError EAGAIN (0: no limit)")
		showVersion = fs.Bool("version", false, "print the version and exit")
		interactive = fs.Bool("i", false, "run the script, then start the REPL with its globals")
		allowNet    grant
		allowRun    grant
		allowRead   grant
		allowWrite  grant
		traceFile   = fs.String("trace", "", "write a timeline of the run to `FILE` (Chrome Trace Event Format: open it in Perfetto or chrome://tracing)")
	)
	fs.Var(&maxMemory, "max-memory", "stop with MemoryError when the heap passes `SIZE` (bytes, or with K, M, G: 512M; 0: no limit; default: 20% of the machine's memory)")
	fs.Var(&allowNet, "allow-net", "grant connecting and listening: alone, to anything; with =`list`, to its host:port, host and :port entries")
	fs.Var(&allowRun, "allow-run", "grant running programs: alone, any; with =`list`, its programs (a shell command needs sh)")
	fs.Var(&allowRead, "allow-read", "grant reading files: alone, any; with =`list`, those in its folders")
	fs.Var(&allowWrite, "allow-write", "grant writing files: alone, any; with =`list`, those in its folders")
	fs.Usage = func() {
		fmt.Fprintf(stderr, "usage: asyncrun [flags] script.star [args...]\n       asyncrun [flags] -c code [args...]\n       asyncrun [flags] - [args...]   (script on stdin)\n       asyncrun [flags]               (the REPL, when stdin is a terminal)\n       asyncrun [flags] -i script.star (run the script, then the REPL)\n\nflags:\n")
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0
		}
		return 2
	}
	maxMemory = byteSize(memoryBound(fs, maxMemory))
	if *timeout < 0 {
		fmt.Fprintf(stderr, "asyncrun: -timeout %v: the duration must not be negative (0 means none)\n", *timeout)
		return 2
	}
	if *showVersion {
		fmt.Fprintf(stdout, "asyncrun %s\n", version)
		return 0
	}
	var trace *os.File
	if *traceFile != "" {
		var err error
		if trace, err = os.Create(*traceFile); err != nil {
			fmt.Fprintf(stderr, "asyncrun: -trace: %v\n", err)
			return 2
		}
		defer trace.Close()
	}
	// withTrace gives the trace to opts, and the status of a run whose
	// trace could not be written is 1 at least.
	withTrace := func(opts interp.Options, run func(interp.Options) int) int {
		if trace == nil {
			return run(opts)
		}
		opts.Trace = trace
		status := run(opts)
		if err := trace.Close(); err != nil {
			fmt.Fprintf(stderr, "asyncrun: -trace: %v\n", err)
			return max(status, 1)
		}
		return status
	}
	var filename string
	var src any
	rest := fs.Args()
	isSet := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { isSet[f.Name] = true })
	switch {
	case isSet["c"]:
		filename, src = "<string>", *code
		rest = append([]string{"-c"}, rest...)
	case len(rest) == 0 && repl.IsTerminal(stdin) || *interactive:
		script := ""
		if len(rest) > 0 {
			script = rest[0]
		}
		opts := interp.Options{VirtualTime: *virtualTime, Debug: *debug, MaxSteps: *maxSteps, MaxTasks: *maxTasks, MaxMemory: int64(maxMemory), Args: rest, Logger: log.New(os.Stderr, "", 0), LoadRoot: replRoot(script), MaxProcesses: processBound(*maxProcs),
			AllowNet: allowNet.list, AllowRun: allowRun.list, AllowRead: allowRead.list, AllowWrite: allowWrite.list}
		return withTrace(opts, func(opts interp.Options) int {
			return repl.Run(repl.Config{Options: opts, Script: script, Version: version})
		})
	case len(rest) == 0 || rest[0] == "-":
		data, err := io.ReadAll(stdin)
		if err != nil {
			fmt.Fprintf(stderr, "asyncrun: reading stdin: %v\n", err)
			return 2
		}
		filename, src = "<stdin>", data
	default:
		filename = rest[0]
		data, err := os.ReadFile(filename)
		if err != nil {
			fmt.Fprintf(stderr, "asyncrun: %v\n", err)
			return 2
		}
		src = data
	}
	// load() reads files beside the script, or in the working folder for
	// -c and standard input.
	root := "."
	if filename != "<string>" && filename != "<stdin>" {
		root = filepath.Dir(filename)
	}
	opts := interp.Options{
		Stdout: stdout, Stderr: stderr, VirtualTime: *virtualTime, Debug: *debug,
		MaxSteps: *maxSteps, MaxTasks: *maxTasks, MaxMemory: int64(maxMemory), Args: rest, Logger: log.New(stderr, "", 0), LoadRoot: root,
		AllowNet: allowNet.list, AllowRun: allowRun.list, AllowRead: allowRead.list, AllowWrite: allowWrite.list,
		MaxProcesses: processBound(*maxProcs),
	}
	if f, ok := stdin.(*os.File); ok && filename != "<stdin>" {
		opts.Stdin = f // child processes read what the script did not
	}
	if configure != nil {
		configure(&opts)
	}
	return withTrace(opts, func(opts interp.Options) int { return runFile(opts, filename, src, *timeout, stderr) })
}

// runFile runs a script with the interpreter options opts, stopping it
// after timeout (0: none); it returns the exit status.
func runFile(opts interp.Options, filename string, src any, timeout time.Duration, stderr io.Writer) int {
	it := interp.New(opts)
	ctx, cancel := context.WithCancelCause(context.Background())
	defer cancel(nil)
	dump := &taskDump{it: it, on: opts.Debug, w: stderr}
	// The first Ctrl-C, SIGTERM or SIGHUP interrupts the script as Ctrl-C
	// does in Python (CPU-bound code gets KeyboardInterrupt, tasks are
	// cancelled and clean up); a second one kills the children and exits
	// at once. With -debug, SIGQUIT stops it as -timeout does.
	var quit atomic.Bool
	var stopStatus atomic.Int32 // 128+signal once a signal stopped the run
	// abandon ends the process with status: the run did not end in time.
	// Only the CLI as a process of its own abandons a run: a run inside
	// another program (a test's in-process run) goes on until it ends.
	abandon := func(status int, why string) {
		if exit == nil {
			return
		}
		fmt.Fprintf(stderr, "asyncrun: %s; killing its child processes and exiting\n", why)
		it.KillProcesses()
		endDescendants()
		exit(status)
	}
	// stopLater stops the run (as -timeout does) after stopGrace if it has
	// not ended, and abandons it exitGrace later.
	var graceTimers []*time.Timer
	var graceMu sync.Mutex
	afterGrace := func(d time.Duration, fn func()) {
		graceMu.Lock()
		graceTimers = append(graceTimers, time.AfterFunc(d, fn))
		graceMu.Unlock()
	}
	abandonLater := func(status func() int, why string) {
		afterGrace(exitGrace, func() { abandon(status(), why) })
	}
	stopSignals := onStopSignal(func(sig os.Signal, n int) {
		status := signalStatus(sig)
		if n > 0 {
			abandon(status, fmt.Sprintf("second signal (%v)", sig))
			return
		}
		stopStatus.Store(int32(status))
		dump.request("interrupted")
		it.KeyboardInterrupt()
		dump.print(time.Second)
		afterGrace(stopGrace, func() {
			cancel(fmt.Errorf("the run did not stop within %v of %v", stopGrace, sig))
			abandonLater(func() int { return status }, fmt.Sprintf("the run did not end within %v of %v", stopGrace+exitGrace, sig))
		})
	})
	stopQuit := func() {}
	if opts.Debug {
		stopQuit = onSignal(syscall.SIGQUIT, func() {
			quit.Store(true)
			dump.request("SIGQUIT")
			cancel(errors.New("quit (SIGQUIT)"))
			dump.print(time.Second)
			abandonLater(func() int { return 131 }, "the run did not end within "+exitGrace.String()+" of SIGQUIT")
		})
	}
	if timeout > 0 {
		t := time.AfterFunc(timeout, func() {
			why := fmt.Errorf("timeout after %v", timeout)
			dump.request(why.Error())
			cancel(why)
			dump.print(time.Second)
			abandonLater(func() int {
				if s := stopStatus.Load(); s != 0 {
					return int(s)
				}
				return 124
			}, fmt.Sprintf("the run did not end within %v of its timeout", exitGrace))
		})
		defer t.Stop()
	}
	_, err := it.ExecFile(ctx, filename, src)
	dump.finish()
	if cerr := it.Close(); err == nil && cerr != nil {
		err = cerr
	}
	stopSignals()
	stopQuit()
	graceMu.Lock()
	for _, t := range graceTimers {
		t.Stop()
	}
	graceMu.Unlock()
	if err == nil {
		return 0
	}
	var ierr *interp.Error
	if errors.As(err, &ierr) {
		fmt.Fprint(stderr, ierr.Traceback())
	} else {
		fmt.Fprintln(stderr, err)
	}
	switch {
	case stopStatus.Load() != 0:
		return int(stopStatus.Load())
	case quit.Load():
		fmt.Fprintf(stderr, "asyncrun: %v\n", context.Cause(ctx))
		return 131
	case ctx.Err() != nil:
		fmt.Fprintf(stderr, "asyncrun: %v\n", context.Cause(ctx))
		return 124
	}
	return 1
}

// taskDump writes, with -debug, the call graph of every pending task when
// a run is stopped (Ctrl-C, SIGQUIT, -timeout), once. It is requested
// before the run is stopped, so that the loop makes it before it cancels
// the tasks, and printed as soon as it is made, or when the run is over:
// then, if no loop made it (top-level code kept them from it), it is made
// there.
type taskDump struct {
	it      *interp.Interp
	on      bool
	w       io.Writer
	mu      sync.Mutex
	why     string
	buf     bytes.Buffer
	done    <-chan struct{}
	printed bool
}

func (d *taskDump) request(why string) {
	if !d.on {
		return
	}
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.done == nil {
		d.why = why
		d.done = d.it.DumpTasks(&d.buf)
	}
}

// print prints the dump if it is made within wait.
func (d *taskDump) print(wait time.Duration) {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.done == nil || d.printed {
		return
	}
	t := time.NewTimer(wait)
	defer t.Stop()
	select {
	case <-d.done:
		d.write()
	case <-t.C:
	}
}

// finish prints the dump after the run, making it if no loop did.
func (d *taskDump) finish() {
	d.mu.Lock()
	defer d.mu.Unlock()
	if d.done == nil || d.printed {
		return
	}
	select {
	case <-d.done:
	default: // no loop runs any more: this one is made at once
		d.buf.Reset()
		<-d.it.DumpTasks(&d.buf)
	}
	d.write()
}

func (d *taskDump) write() {
	d.printed = true
	if d.buf.Len() == 0 {
		d.buf.WriteString("none\n")
	}
	fmt.Fprintf(d.w, "Pending tasks (%s):\n%s", d.why, d.buf.String())
}

// replRoot is the load root of the REPL: the -i script's folder, or the
// working folder.
func replRoot(script string) string {
	if script == "" {
		return "."
	}
	return filepath.Dir(script)
}

// processBound is interp's MaxProcesses for a -max-processes value (0:
// no bound, which interp spells -1).
func processBound(n int) int {
	if n <= 0 {
		return -1
	}
	return n
}

// exit ends the process when a run must be abandoned; it is os.Exit once
// runContained runs the CLI as a process of its own, and nil before, so
// that a run inside another process (the tests' in-process runs, which a
// loaded machine may slow past the grace periods) never ends that process.
var exit func(int)

// stopSigs are the signals that stop a run: Ctrl-C, and the requests
// to end of a service manager (SIGTERM) and of a closed terminal (SIGHUP).
var stopSigs = []os.Signal{os.Interrupt, syscall.SIGTERM, syscall.SIGHUP}

// signalStatus is the exit status of a run stopped by sig: 128 plus its
// number, as a shell reports a process the signal killed (130 for
// Ctrl-C, 143 for SIGTERM, 129 for SIGHUP).
func signalStatus(sig os.Signal) int {
	if s, ok := sig.(syscall.Signal); ok {
		return 128 + int(s)
	}
	return 130
}

// onStopSignal calls fn with each stop signal that arrives and how many
// came before it. The returned function stops listening. A signal that
// arrives before the listening starts is the default action's (the
// process ends); one that arrives after it stops is the default's too.
func onStopSignal(fn func(sig os.Signal, n int)) (stop func()) {
	sigs := make(chan os.Signal, 4)
	done := make(chan struct{})
	signal.Notify(sigs, stopSigs...)
	go func() {
		for n := 0; ; n++ {
			select {
			case sig := <-sigs:
				fn(sig, n)
			case <-done:
				return
			}
		}
	}()
	return func() {
		signal.Stop(sigs)
		close(done)
	}
}

// onSignal calls fn, on a goroutine of its own, each time sig arrives. The
// returned function stops listening.
func onSignal(sig os.Signal, fn func()) (stop func()) {
	sigs := make(chan os.Signal, 1)
	done := make(chan struct{})
	signal.Notify(sigs, sig)
	go func() {
		for {
			select {
			case <-sigs:
				fn()
			case <-done:
				return
			}
		}
	}()
	return func() {
		signal.Stop(sigs)
		close(done)
	}
}

// grant is the value of an -allow-* flag: given alone it grants everything
// of its kind (an empty, non-nil list), given =a,b the entries a and b;
// absent, nothing (nil). -allow-net=false grants nothing.
type grant struct{ list []string }

func (g *grant) IsBoolFlag() bool { return true }

func (g *grant) String() string {
	if g == nil || g.list == nil {
		return ""
	}
	return strings.Join(g.list, ",")
}

func (g *grant) Set(s string) error {
	switch s {
	case "true":
		g.list = []string{}
	case "false":
		g.list = nil
	default:
		for _, e := range strings.Split(s, ",") {
			if e = strings.TrimSpace(e); e != "" {
				g.list = append(g.list, e)
			}
		}
		if g.list == nil {
			return errors.New("want a comma-separated list, or nothing to grant all")
		}
	}
	return nil
}
