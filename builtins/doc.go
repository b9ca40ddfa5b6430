// Package builtins is the Starlark face of package loop: the asyncio module,
// Future, Task and event loop values, await_, try_ and raise_, exception
// types, and Python-like print, datetime, functools and sys.
//
// A Runtime holds everything one interpreter shares between its threads: its
// output streams, clock, loops and step budget. Every starlark.Thread the
// runtime runs carries the Runtime in a thread local, so the builtins find it
// without package-level state; many runtimes may run in one process at once.
//
// # Threads and goroutines
//
// Top-level code runs on the caller's thread. Each Task runs its coroutine on
// its own thread and goroutine (see package loop); plain callbacks run on a
// thread of their loop. Exactly one of them runs script code at any moment.
//
// # The dialect
//
// Starlark has no generators, so a coroutine function is a function wrapped
// by asyncio.coroutine: calling it makes a coroutine object without running
// the body. await_(x) runs a coroutine inline in the current task, or
// suspends the task until a Future or Task is done. Python's raise and
// try/except are the functions raise_ and try_.
package builtins
