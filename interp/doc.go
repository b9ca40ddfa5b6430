// Package interp embeds asyncrun in Go programs: it runs Starlark scripts
// with Python asyncio semantics on an event loop of their own. It is the
// whole Go API a host needs: a host imports interp, and go.starlark.net for
// values, and nothing else of asyncrun. The language scripts are written in
// is described in the repository's doc/dialect.md.
//
// An Interp is one interpreter: its own loops, clock, output streams and step
// budget, with no state shared with other interpreters, so many may run in
// one process at once, each on its own goroutine; after Close no goroutine of
// an interpreter is left. An Interp's methods must not be called
// concurrently unless they say otherwise; run one script at a time on it.
//
//	query := interp.AsyncFunc("query", func(ctx context.Context, args starlark.Tuple, kwargs []starlark.Tuple) (starlark.Value, error) {
//		// Blocking work, on its own goroutine; ctx is cancelled if the awaiting task is.
//		return db.Query(ctx, args)
//	})
//	it := interp.New(interp.Options{
//		Stdout:       os.Stdout,
//		MaxSteps:     10_000_000,
//		Predeclared:  starlark.StringDict{"query": query},
//		MaxHostCalls: 16,
//		Logger:       log.Default(), // Go stacks of recovered panics
//	})
//	defer it.Close()
//	globals, err := it.ExecFile(ctx, "bot.star", nil) // cancel ctx to stop everything
//	var exc *interp.Exception
//	if errors.As(err, &exc) {
//		log.Printf("script raised %s: %s", exc.Type, exc.Message)
//	}
//
// The Example functions of this package show each part of this manual and
// run as tests.
//
// # Options
//
// [Options] set the output writers (Stdout, Stderr), VirtualTime (sleeps
// return at once; output is deterministic), Debug (asyncio's debug mode),
// MaxSteps (across all tasks: for the interpreter's whole life, or, with
// StepsPerRun, for each ExecFile or ExecChunk call and each submission to a
// running loop, spending it then failing only that run), extra Predeclared
// names (frozen when handed in, so interpreters may share them), Args
// (sys.argv), a Load function or the default loader rooted at LoadRoot,
// MaxHostCalls, MaxTasks, MaxProcesses, MaxMemory, CancelGrace (how long
// code whose context ended has to finish before it is aborted; 100 ms by
// default), OnUnhandled, Logger, Trace (a timeline of the run, for
// Perfetto; Close writes its end), and the grants AllowNet, AllowRun,
// AllowRead and AllowWrite, with Stdin for child processes.
//
// # Running scripts
//
// [Interp.ExecFile] runs a script, read from the file or given as source.
// Cancelling its context stops the run at once (with an error no script
// catches) and closes what it opened; the interpreter stays usable, and
// later runs with fresh contexts work. [Compile] compiles a script once;
// [Interp.Exec] runs the [Program], in any number of interpreters at once.
//
// A run's error is an [*Error]: Error() is one line ("ValueError: boom"),
// Traceback() the whole report. errors.As finds the script's [*Exception]
// (Type, Message, Traceback()) or a [*CompileError] (Pos, Msg); errors.Is
// finds the context's cause, [ErrStepLimit], [ErrTaskLimit],
// [ErrMemoryLimit] or [ErrClosed].
//
// # Calling script functions
//
// [Interp.Call] calls a script function, by name or value, with Go values,
// and returns a Go value; a coroutine it returns is awaited. Its arguments
// are converted with [ToStarlark] and its result with [FromStarlark] (see
// "Converting values"); [Decode] fills a Go struct, map or slice with a
// result, as json.Unmarshal does. An argument that does not convert is
// named ("Call: argument 2: ..."). Arguments are frozen: a script changing
// one gets a RuntimeError.
//
// A Call runs as a task: from any goroutine while [Interp.RunForever] runs
// (about 280,000 round trips a second from 50 goroutines on a 2-core
// machine: go test -run X -bench Call50 ./interp), else on the caller's
// goroutine. The context's values and deadline reach the host functions
// the call runs, whose context ends with a cause: the call's own
// (context.DeadlineExceeded for its deadline), [ErrCancelled] (the task
// was cancelled otherwise), [ErrScriptTimeout] (a script's wait_for or
// timeout ran out) or [ErrClosed]. [WithStepLimit] gives one call a step
// budget.
//
// # Host functions
//
// [AsyncFunc] makes a blocking Go function that scripts await. Calling it
// gives a coroutine, as a Python async def does, so create_task, gather and
// wait_for take it too; the Go function starts when the coroutine first
// runs, off the loop, and its result comes back through the loop's
// thread-safe inbox. While one is in flight the loop waits for it:
// run_until_complete reports no deadlock and virtual time does not jump
// past it. Past Options.MaxHostCalls, calls wait in a queue, holding no
// goroutine. A host function fails the way Python code would by returning
// an [*Exception]: NewException("KeyError", "k"). A Type that names no
// exception type reaches the script as a RuntimeError saying so
// ([ErrUnknownExceptionType]); an exception a script raised of a type it
// made crosses back as its nearest predeclared base. [Func] makes a plain
// (not awaited) builtin.
//
// A panic in Go code run for a script (an AsyncFunc, a builtin given in
// Predeclared, or one made with Func) becomes a RuntimeError the script can
// catch ("name: host function panicked: value"); the Go stack goes to
// Options.Logger, never into the exception's text.
//
// # Serving requests
//
// A server keeps interpreters alive: it runs each one's loop with
// RunForever on a goroutine, then calls script functions with Call from
// its handlers. Call, Stop and Close may be called as soon as the
// goroutine is started (work waits in the loop's inbox until it runs), so
// no readiness signal is needed; a Stop before RunForever serves makes it
// return at once. Shut down with Close: it cancels what runs, waits for it
// (aborting it after Options.CancelGrace), and makes RunForever return.
//
// Besides Call, other goroutines submit work to a running loop with
// [Interp.RunCoroutineThreadsafe] (wait with [Future.Result], which cancels
// the task when its context ends), [Interp.CallSoonThreadsafe],
// [Interp.OnLoop], [Interp.ExecFile] (more code loaded into the running
// interpreter) and [Interp.ExecChunkThreadsafe] (top-level code, as at a
// prompt: the REPL is such a host; it returns as soon as the chunk's code
// is done, and a chunk whose context is cancelled before it starts never
// runs). In code submitted so, run_until_complete, run_forever and
// asyncio.run wait inside the submission's task, and loop.stop() and
// loop.close() leave the host's loop running. Once RunForever has
// returned, or after Close, submitting fails at once with [ErrClosed], and
// work still waiting when the interpreter closes fails with it.
//
// Script code runs on the loop one piece at a time: a task that computes
// without awaiting keeps every other call of the same interpreter waiting
// (head-of-line blocking), up to that call's own deadline. A server whose
// requests may be CPU-bound serves them from a pool of interpreters, one
// request at a time each (see the ServerPool example); the deadline of a
// Call then bounds only its own request. [Interp.KeyboardInterruptRunning]
// gives only the code running at that moment a KeyboardInterrupt, and
// cancels no task: it unwedges a loop that a task spinning without
// awaiting keeps busy (work given to OnLoop does not run meanwhile).
//
// [Interp.Close] may be called from any goroutine while code runs: it
// cancels the code, aborts it after CancelGrace, makes RunForever return,
// waits for them, and closes; calls cut off fail with an error wrapping
// ErrClosed. [Interp.CloseContext] closes with a bound: a host function
// that ignores its context is left behind when the context ends, instead
// of holding Close.
//
// Module state in a long-lived interpreter follows Python: a script's
// globals stay assignable at top level and its lists and dicts mutable
// after ExecFile returns, so the tasks and calls that run later keep state
// in them (see the example in example_server_test.go). It is race-free
// because script code only runs on the loop, one piece at a time; Go code
// reads script values through Call, OnLoop, or [Interp.Globals] when no
// loop runs, never while it runs.
//
// Interpreters share nothing a script can see (inside the runtime, one
// process-wide table finds a task's state by its thread; it is split in 64
// shards, each with its own lock, so that interpreters seldom wait for one
// another), so they run in parallel: on a 2-core machine, 8 interpreters
// doing the same work at once finish it 1.92× faster per unit of work
// than one interpreter doing it alone (go test -run X -bench Parallel
// ./interp); a test runs 1,000 interpreters at once, each with tasks and a
// host async function, and checks that no goroutine is left.
//
// # Untrusted scripts
//
// What a script can reach by default: its own values, the predeclared
// names and modules, and nothing outside the interpreter: no files, no
// network, no processes, no environment. Options.AllowNet, AllowRun,
// AllowRead and AllowWrite grant them (the repository's doc/security.md
// says what each allows). load() reads Starlark modules (.star files, and
// links to them) only, resolved inside the load root and read through an
// os.Root of it: the folder of a script ExecFile reads itself, or
// Options.LoadRoot. A refused load() (another kind of file, a path or link
// out of the root) is a PermissionError and a missing module a
// FileNotFoundError; neither quotes the file. A script given as source has
// no loader unless LoadRoot is set (the CLI sets it to the script's folder,
// or the working folder for -c and standard input). Anything more comes
// from the host's Predeclared functions.
//
// No value a script returns, and no Go value given to it, crashes the
// host: conversions fail with a *ConvertError for values that contain
// themselves or nest deeper than 1,000 levels, naming where
// ("interp: Call: result[0][0]: the value contains itself"). A Call whose
// context ends cancels its task (CancelledError, as in Python, or
// KeyboardInterrupt in code that never awaits); a task that catches that
// and goes on is aborted after Options.CancelGrace with an error no script
// can catch, Call returns the context's error, and the interpreter stays
// usable: a deadline bounds a call whatever the script does.
//
// Options.MaxSteps, WithStepLimit, Options.MaxTasks (one more task is a
// RuntimeError), Options.MaxHostCalls and Options.MaxMemory bound the work
// and memory of a run. For MaxMemory, one goroutine for all the
// interpreters of a process samples the Go heap (every 1 to 50 ms, by the
// distance to the nearest bound, and after every garbage collection) and, past an interpreter's bound, stops
// the runs it has in flight with MemoryError ([ErrMemoryLimit] for the
// host); the interpreter stays usable, and the next run works once the
// heap is back under the bound; a run under a bound is as fast as without
// one. go.starlark.net has no allocation hook, so the bound measures the
// process's heap: what all the interpreters of the process and the host
// itself hold (a host buffer counts too). It can be exceeded: one allocation
// larger than what is left completes before the check (or ends the process
// as Go's out-of-memory error does), and memory a script allocates between
// two samples is over the bound until the run stops. A host sets no bound
// unless it gives MaxMemory (the CLI bounds the heap at 20% of the
// machine's memory).
//
// When the interpreter closes, or a run's context is cancelled, every
// connection, server and file it opened is closed, and every child process
// is killed with its process group and reaped. On Linux, a host that wants
// descendants that left their group killed too calls [ContainDescendants]
// (the CLI does).
//
// # Seeing what the tasks do
//
// Options.Trace receives a timeline of the run, which Perfetto opens (the
// repository's doc/tracing.md says how to read it). [Interp.DumpTasks]
// writes the call graph of every pending task, from any goroutine: at once
// when nothing runs, else on the running loop between two callbacks, ahead
// of what is submitted after it (call it before KeyboardInterrupt or
// cancelling a run to see the tasks as they were); it returns a channel
// closed once written.
//
// # Parsing
//
// [Parse] and [ParseCompoundStmt] (one statement of a prompt) parse a chunk
// as ExecFile reads a script, Python's async syntax included, with its
// hints; [SyntaxHint] gives those hints to a host that parses with
// go.starlark.net itself (with [FileOptions]). The names the syntax is
// rewritten into ($await, $is, ...) are among [Interp.Predeclared]; no
// script can write them.
//
// # Converting values
//
// Call converts its arguments with ToStarlark and its result with
// FromStarlark; Decode stores a result in a Go struct, map or slice.
//
//	Go                               Starlark
//	nil, nil pointer, nil map        None
//	bool                             bool
//	int*, uint*                      int
//	*big.Int, big.Int                int (FromStarlark: int64 when it fits,
//	                                 else *big.Int)
//	float32, float64                 float
//	string                           string
//	[]byte                           bytes
//	slices and arrays                list (FromStarlark: list, tuple and set
//	                                 give []any)
//	maps                             dict, keys in sorted order (FromStarlark:
//	                                 map[string]any, or map[any]any when a key
//	                                 is not a string: None is nil, a tuple key
//	                                 an [n]any array, a bytes key a string)
//	structs                          struct, fields named by their
//	                                 `starlark:"name"` tag, else by the field
//	                                 name; "-" skips a field; unexported
//	                                 fields are skipped; the fields of an
//	                                 embedded struct without a tag name are
//	                                 flattened, as encoding/json does
//	                                 (FromStarlark: map[string]any)
//	time.Time                        time.time (go.starlark.net/lib/time)
//	time.Duration                    time.duration
//	*Exception, error                an exception: an *Exception's type, else
//	                                 Exception(err.Error()) (FromStarlark: an
//	                                 exception value gives *Exception)
//	pointers, interfaces             what they point to
//	starlark.Value                   itself
//
// Values a script can change (lists, dicts) are copied, so a result may be
// kept and read on any goroutine. Arguments are frozen: a script that
// changes one gets a RuntimeError ("cannot append to frozen list").
package interp
