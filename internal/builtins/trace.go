package builtins

import (
	"fmt"
	"unicode/utf8"

	"github.com/asyncrun/asyncrun/loop"
	"go.starlark.net/starlark"
	"go.starlark.net/syntax"
)

// Labels for a timeline of a runtime's tasks. Package loop reports Go-level
// events to the loop.Tracer of Config.Tracer (a task's step began, a
// callback ran); the functions here say what they mean to a script: the
// line a task resumes at, what it waits on, how it ended. Each is for the
// goroutine acting for the task's loop, as the tracer's methods are.

// taskPosition returns where task t stands before a step: the function and
// position of the innermost Starlark frame of its thread, where it
// resumes. Before its first step (resumed false), it is the name of its
// coroutine and where that is defined, when known.
func taskPosition(t *loop.Task) (fn string, pos syntax.Position, resumed bool) {
	fv, ok := t.Value.(*future)
	if !ok || fv.coro == nil {
		return t.Name(), syntax.Position{}, false
	}
	th := fv.thread.Load()
	if th == nil {
		pos, _ := fv.coro.defPos()
		return fv.coro.name, pos, false
	}
	for i := 0; i < th.CallStackDepth(); i++ {
		fr := th.DebugFrame(i)
		if f, ok := fr.Callable().(*starlark.Function); ok {
			return f.Name(), fr.Position(), true
		}
	}
	return fv.coro.name, syntax.Position{}, true
}

// taskOrigin returns the name of task t's coroutine and where the task was
// made.
func taskOrigin(t *loop.Task) (coro string, created syntax.Position) {
	if fv, ok := t.Value.(*future); ok && fv.coro != nil {
		return fv.coro.name, fv.created
	}
	return "", syntax.Position{}
}

// describeWait describes what a task suspended on f waits for: "Task
// 'Task-2'", the future's label ("sleep()", "gather()", "Queue.get()", a
// host function's "fetch()"), "Future(id=0x7)" (as call graphs print it)
// or "Future"; nil, a task that yielded, is "sleep(0)".
func describeWait(f *loop.Future) string {
	if f == nil {
		return "sleep(0)"
	}
	switch fv, _ := f.Value.(*future); {
	case f.Task() != nil:
		return "Task " + pyQuote(f.Task().Name())
	case f.Label() != "":
		return f.Label()
	case fv != nil:
		return fmt.Sprintf("Future(id=%#x)", fv.id)
	}
	return "Future"
}

// describeOutcome describes how future f ended: "result" and the result's
// repr, "exception" and "Type: message", "cancelled" and "", or, for a
// future still pending (a task destroyed with its loop), "destroyed" and
// "". Texts are cut to 200 bytes. It marks no exception retrieved.
func describeOutcome(f *loop.Future) (kind, text string) {
	switch {
	case f.State() == loop.Pending:
		return "destroyed", ""
	case f.Cancelled():
		return "cancelled", ""
	case f.PeekException() != nil:
		return "exception", cut(toException(f.PeekException()).Error())
	}
	v, _ := f.Result()
	fv, ok := f.Value.(*future)
	if !ok {
		return "result", cut(fmt.Sprint(v))
	}
	return "result", cut(reprValue(fv.rt.toValue(v)))
}

// cut shortens s to at most 200 bytes, on a character boundary.
func cut(s string) string {
	const n = 200
	if len(s) <= n {
		return s
	}
	i := n
	for i > 0 && !utf8.RuneStart(s[i]) {
		i--
	}
	return s[:i] + "..."
}

// describeCallback describes the callback of h as CPython's handles do
// ("cb(1, 'a') at x.star:3", cut to 200 bytes) when a script scheduled it
// (call_soon, call_later, add_done_callback, ...); ok is false for the
// callbacks the runtime and package loop run for themselves.
func describeCallback(h *loop.Handle) (desc string, ok bool) {
	switch v := h.Value.(type) {
	case *handle:
		return cut(callbackDesc(v.fn, v.args)), true
	case starlark.Callable: // a done callback's key
		return cut(callbackDesc(v, nil)), true
	}
	return "", false
}
