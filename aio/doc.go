// Package aio is asyncrun's I/O: the Go side of asyncio's streams and
// subprocesses, files, and the permissions that grant them. It works on
// package loop's futures and tasks and knows nothing of Starlark; package
// builtins gives scripts its Starlark face, and Go hosts may use it
// directly.
//
// An Env is the I/O of one interpreter: its Permissions, and everything
// its scripts opened. Each operation checks the permissions first and
// fails with a *PermissionError naming the flag that grants it. Env.Close
// closes every connection, listener and file, kills every child process
// (and its process group) and waits until they are reaped and the
// goroutines of the package have ended: nothing is left behind.
//
// # Goroutines and the loop
//
// Blocking work never runs on the loop's goroutine. A connection has a
// goroutine that reads into its Reader (pausing while the Reader holds
// more than twice its limit, as asyncio's transports) and one that writes
// what its Writer queued; a listener has one that accepts; a process has
// one that reaps it and one per piped output. They hand their results to
// the loop with CallSoonThreadsafe. Connecting, listening and starting a
// process run on a goroutine of their own while the task waits.
//
// A task that waits for one of these (a read, a drain, a connection, a
// process's exit, serve_forever) is outside work for the loop while it
// waits: run_until_complete reports no deadlock, and a virtual clock does
// not jump ahead (it follows real time: see package loop). A task
// cancelled while it waits stops waiting; the stream stays usable and
// keeps its data, as in CPython.
//
// Env's methods may be called from any goroutine. Every other method is
// for the goroutine acting for the loop of its value, as package loop's;
// each operation that waits takes the *loop.Task that waits.
//
// # Files
//
//	perm.go     Permissions, PermissionError
//	env.go      Env: what an interpreter opened; Close; running work off the loop
//	errors.go   errors that stand for Python's exceptions
//	reader.go   Reader (asyncio.StreamReader) and the goroutine that feeds it
//	writer.go   Writer (a write transport with drain) and the goroutine that empties it
//	conn.go     Conn and Dial (open_connection)
//	server.go   Server and Listen (start_server)
//	process.go  Process and Start (create_subprocess_exec and _shell)
//	file.go     File and Open (open)
package aio
