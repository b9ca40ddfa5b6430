// Package loop is asyncrun's event loop: a FIFO ready queue, timers ordered by
// (deadline, creation order), a thread-safe inbox, real and virtual clocks,
// futures with done callbacks, and tasks that run Go functions on their own
// goroutines and suspend on futures.
//
// The package follows CPython's asyncio (Lib/asyncio/base_events.py,
// futures.py, tasks.py) closely, so that programs built on it observe the same
// order of events as the same program under CPython 3.11. It knows nothing of
// Starlark: values are Go values (any) and failures are Go errors.
// TaskGroup and Timeout (taskgroups.py, timeouts.py) are asyncio's context
// managers as Go values: the embedding layer calls their Enter and Exit
// around a block that runs in a task.
//
// # Goroutine contract
//
// A Loop and everything attached to it (futures, tasks, handles) belong to
// the goroutine that runs the loop. At any moment exactly one goroutine acts
// for the loop: the one inside RunForever or RunUntilComplete, or the
// goroutine of the task that loop is currently stepping. A task's goroutine
// may use the loop freely while it runs, because the loop's goroutine is
// blocked until the task suspends again. When the loop is not running, the
// goroutine that created it may use it.
//
// CallSoonThreadsafe, AddExternal and DoneExternal may be called from any
// goroutine; every other method only by the goroutine acting for the loop.
//
// # Tasks and the hand-over
//
// Each Task runs its body on its own goroutine, created at the task's first
// step (not when the task is created) with iter.Pull. Stepping a task is a
// direct coroutine switch: the loop's goroutine blocks, the task's goroutine
// runs until it suspends in Await or Yield, and control switches back. No
// locks guard loop state, because only one of the two goroutines runs at a
// time, and the switch is a happens-before edge for the race detector.
//
// # Tracing
//
// A Tracer given in Options sees what the loop runs as Go-level events:
// tasks made (and by which task), each step of a task and what it ends
// waiting on, tasks done, callbacks, and outside work started with RunOff.
// Future.AwaitedBy tells who waits for a future. The embedding layer turns
// them into a timeline or a call graph; without a Tracer each event costs
// a nil check.
package loop
