// Command asyncrun runs Starlark scripts with Python asyncio semantics.
//
//	asyncrun [flags] script.star [args...]
//	asyncrun [flags] -c 'code' [args...]
//	asyncrun [flags] -            (script on standard input)
//
// Exit status: 0 success, 1 uncaught script error, 2 usage error or
// unreadable script, 124 timeout, 130 interrupted, 131 SIGQUIT (with
// -debug).
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

func main() { os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr)) }

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
		opts := interp.Options{VirtualTime: *virtualTime, Debug: *debug, MaxSteps: *maxSteps, MaxTasks: *maxTasks, MaxMemory: int64(maxMemory), Args: rest, Logger: log.New(os.Stderr, "", 0), LoadRoot: replRoot(script),
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
	if timeout > 0 {
		t := time.AfterFunc(timeout, func() {
			why := fmt.Errorf("timeout after %v", timeout)
			dump.request(why.Error())
			cancel(why)
			dump.print(time.Second)
		})
		defer t.Stop()
	}
	// The first Ctrl-C interrupts the script as in Python (CPU-bound code
	// gets KeyboardInterrupt, tasks are cancelled and clean up); a second
	// one exits at once. With -debug, SIGQUIT stops it as -timeout does.
	var interrupted, quit atomic.Bool
	stopSignals := onInterrupt(func() {
		interrupted.Store(true)
		dump.request("interrupted")
		it.KeyboardInterrupt()
		dump.print(time.Second)
	})
	stopQuit := func() {}
	if opts.Debug {
		stopQuit = onSignal(syscall.SIGQUIT, func() {
			quit.Store(true)
			dump.request("SIGQUIT")
			cancel(errors.New("quit (SIGQUIT)"))
			dump.print(time.Second)
		})
	}
	_, err := it.ExecFile(ctx, filename, src)
	stopSignals()
	stopQuit()
	dump.finish()
	if cerr := it.Close(); err == nil && cerr != nil {
		err = cerr
	}
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
	case interrupted.Load():
		return 130
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

// onInterrupt calls first on the first Ctrl-C and exits with status 130 on
// the second. The returned function stops listening.
func onInterrupt(first func()) (stop func()) {
	sigs := make(chan os.Signal, 2)
	done := make(chan struct{})
	signal.Notify(sigs, os.Interrupt)
	go func() {
		for n := 0; ; n++ {
			select {
			case <-sigs:
				if n > 0 {
					os.Exit(130)
				}
				first()
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
