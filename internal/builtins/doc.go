// Package builtins is the Starlark face of package loop: the asyncio module,
// Future, Task and event loop values, await_, try_ and raise_, exception
// types, and Python-like print. Its exported API is for package
// interp and the parts beside it (locks, streams, modules); the package is
// internal, so hosts, which import interp, cannot reach it. Scripts see
// values of unexported types.
//
// A Runtime holds everything one interpreter shares between its threads: its
// output streams, clock, loops and step budget. Every starlark.Thread the
// runtime runs carries its state in a thread local (see stateOf), so the
// builtins find it without package-level state; many runtimes may run in one
// process at once.
//
// # Threads and goroutines
//
// Top-level code runs on the caller's thread (ExecTopLevel). Each Task runs
// its coroutine on its own thread and goroutine (see package loop); plain
// callbacks run on a thread of their loop. Exactly one of them runs script
// code at any moment, and it holds the step budget.
//
// # Files
//
//	runtime.go     Runtime, thread state, the step budget, Interrupt, ExecTopLevel
//	host.go        what interp needs: the hosted loop, submissions, host futures
//	predeclared.go the predeclared names, Part; print and its file= (TextFile)
//	pyrepr.go      str and repr as CPython writes them (internal/pyfmt), exceptions' PyRepr/PyStr
//	format.go      format(value, spec) over internal/pyfmt
//	round.go, sum.go, divmod.go, pow.go, abs.go  Python's number builtins
//	enumerate.go, minmax.go  enumerate(start=), min/max(default=)
//	type.go        type(x), and type(name, bases, {}) making exception types
//	gathercancel.go  CancelledError('') for a cancelled child in gather's results
//	percenthint.go the error of "%.1f" % x, pointing to format()
//	asyncio.go     the asyncio module table and its functions (gather, wait, ...)
//	coroutine.go   coroutine functions and objects
//	await.go       await_ and the suspension protocol (park, resume, suspend)
//	future.go      Future values and their methods
//	task.go        Task values: creation, the task body, stacks, Task methods
//	loop.go        event loop values, loop resolution, running a loop
//	handle.go      call_soon and friends, Handle values, running callbacks
//	concurrent.go  run_coroutine_threadsafe and concurrent futures
//	ops.go         the hooks the parts beside the core build on (Object, Class, AwaitOp, ...)
//	exceptions.go  the table of exception types, exception values, raise_
//	exceptiongroup.go  ExceptionGroup and BaseExceptionGroup: construction, split, subgroup, derive
//	isinstance.go  isinstance and issubclass: exception types and the builtin types
//	errors.go      how Go and Starlark errors become exceptions; aborts
//	traceback.go   tracebacks, source lines, frames
//	graph.go       call graphs: capture_call_graph, format_call_graph, print_call_graph, DumpTasks
//	trace.go       what a timeline's events mean to a script
//	tracer.go      the timeline of Config.Trace: the loops' events as JSON (Chrome Trace Event Format)
//	try.go         try_
//	methods.go     method tables: how every value type dispatches methods
//	io.go          the runtime's I/O (aio.Env) and the hooks of package streams
//	streamerrors.go  IncompleteReadError, LimitOverrunError; aio's errors as exceptions
//	context.go     the context each task and callback runs in (Context, ContextOf), for contextvars
//	handler.go     loop error handling: the default exception handler, set_exception_handler
//	oserror.go     OSError and its subclasses: errno, strerror, filename
//	runner.go      Runner: an event loop's life, for asyncio.run and asyncio.Runner
//	starlarkerrors.go  go.starlark.net's runtime errors as Python's exceptions
//	with.go        with_: with and async with, and the context manager protocol
//	descendants.go BecomeSubreaper (see aio.BecomeSubreaper)
//
// # Parts beside the core
//
// Groups of builtins that serve one purpose live in packages of their own
// beside the core, as go.starlark.net keeps lib/time and lib/json beside its
// interpreter: package locks (Lock, Event, Condition, the semaphores,
// Barrier and the queues), package tasks (TaskGroup, timeout and
// timeout_at, Runner) and package streams (streams, servers,
// subprocesses, open() and files) and package modules (contextvars,
// datetime, functools, socket, sys, time). Each is a Part, a
// starlark.StringDict merged into the asyncio module or the predeclared
// names, built on the core's exported hooks only; a part whose values are
// each interpreter's own (sys) makes them in Part.MakePredeclared. Package
// interp passes them all in Config.Parts.
//
// # Adding an asyncio type
//
// The recipe, for a type T such as asyncio.Lock:
//  1. The behaviour lives in package loop, in Go, with no Starlark: a type
//     with methods that take the *loop.Task that waits (see loop.Sleep).
//     I/O lives in package aio, whose blocking work runs off the loop and
//     whose waits count as the loop's outside work; its errors reach
//     scripts through ioError.
//  2. Here, one file t.go: a value type wrapping the loop type, with
//     String, Type, Freeze, Truth, Hash, and Attr/AttrNames through a
//     methods table (methods.go); each method starts with
//     starlark.UnpackArgs(b.Name(), ...) and gets its receiver from
//     b.Receiver().
//  3. A method that waits returns a coroutine (nativeCoro, or a coroutine
//     with a native body) whose body calls rt.suspend(thread, task, op):
//     never release the step budget or convert errors by hand.
//  4. The loop argument, where there is one, is resolved by eventLoopArg;
//     get_running_loop() semantics by runningLoop. No other resolver.
//  5. A new exception type is one row of the table of pyexc,
//     the one vocabulary of kinds: errors of packages loop and aio carry a
//     pyexc.Kind, and exceptions.go makes a type of every kind.
//  6. The constructor goes into asyncioModule's table, in alphabetical
//     order; a CPython 3.11 twin in spec_tests comes first.
//
// # Messages
//
// A message a script can read is CPython's exact text wherever CPython has
// one for the same case ("Event loop is closed", "Set of Tasks/Futures is
// empty."). The runtime's own errors, where CPython has no counterpart, say
// "function: message" ("await_: expected a coroutine, Future or Task, got
// int"). Control flow never depends on message text: errors are recognised
// by type (errors.As), and go.starlark.net's untyped errors by the one
// table starlarkMessages, pinned by a test.
package builtins
