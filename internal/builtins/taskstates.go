package builtins

import (
	"hash/maphash"
	"sync"
	"sync/atomic"

	"github.com/asyncrun/asyncrun/loop"
	"go.starlark.net/starlark"
)

// The states of task threads. A thread of the runtime carries its
// threadState, and a builtin, given only the thread, finds it with
// stateOf. Top-level code and a loop's callbacks keep theirs in the
// thread's locals (Thread.SetLocal); a task's thread does not: for one
// local, go.starlark.net makes a map of 336 bytes, more than a third of a
// suspended task's heap. A task's state is instead in taskStates, by
// thread, from the start of the task's body to its end (about 50 bytes an
// entry), and the state of the task the running loop steps is found without
// a lookup by the hot awaits (see taskStateOf and taskState).

// taskStates holds the states of running tasks' threads. It is
// process-wide because a thread is all a builtin is given; it is in shards
// by thread, each with its lock and its last state, so that runtimes
// running at once on other goroutines seldom share one, and KeyboardInterrupt
// and RunAbort may look a thread up from other goroutines.
var taskStates [64]stateShard

var stateSeed = maphash.MakeSeed()

type stateShard struct {
	mu sync.RWMutex
	m  map[*starlark.Thread]*threadState
	// last is the state of the shard's thread that ran or was found last:
	// most lookups are of the thread running now (every builtin call
	// looks its thread up), and this one load answers them.
	last atomic.Pointer[threadState]
	_    [24]byte // a cache line (64 bytes) each
}

func shardOf(th *starlark.Thread) *stateShard {
	return &taskStates[maphash.Comparable(stateSeed, th)%uint64(len(taskStates))]
}

// stateOf returns the state of a thread of the runtime, or nil. Script code
// only runs on such threads; a builtin called on another thread (a host
// calling starlark.Call with a thread of its own) is refused by
// callerState. The thread of a task that has ended has none.
func stateOf(thread *starlark.Thread) *threadState {
	if ts, ok := thread.Local(localKey).(*threadState); ok {
		return ts
	}
	sh := shardOf(thread)
	if ts := sh.last.Load(); ts != nil && ts.th == thread {
		return ts
	}
	sh.mu.RLock()
	ts := sh.m[thread]
	sh.mu.RUnlock()
	if ts != nil {
		sh.last.Store(ts)
	}
	return ts
}

// taskStateOf returns the state of thread, found without a lookup when it
// is the thread of the task rt's running loop steps now (the hot awaits
// know their runtime: await_ is each runtime's own), else by stateOf.
func (rt *Runtime) taskStateOf(thread *starlark.Thread) *threadState {
	if lv := rt.running; lv != nil {
		if t := lv.l.CurrentTask(); t != nil {
			if fv, ok := t.Value.(*future); ok && fv.ts != nil && fv.ts.th == thread {
				return fv.ts
			}
		}
	}
	return stateOf(thread)
}

// taskState returns the state of thread, which runs task t: without a
// lookup when t's body runs on it.
func taskState(thread *starlark.Thread, t *loop.Task) *threadState {
	if fv, ok := t.Value.(*future); ok && fv.ts != nil && fv.ts.th == thread {
		return fv.ts
	}
	return stateOf(thread)
}

// addTaskState enters the state of a task's thread (see newThread).
func addTaskState(ts *threadState) {
	sh := shardOf(ts.th)
	sh.mu.Lock()
	if sh.m == nil {
		sh.m = make(map[*starlark.Thread]*threadState)
	}
	sh.m[ts.th] = ts
	sh.mu.Unlock()
}

// dropState ends the state of the thread of task fv (see endTask).
func dropState(fv *future, th *starlark.Thread) {
	ts := fv.ts
	fv.ts = nil
	sh := shardOf(th)
	sh.mu.Lock()
	delete(sh.m, th)
	if len(sh.m) == 0 {
		sh.m = nil // a map never shrinks: a burst of tasks leaves no big one behind
	}
	sh.mu.Unlock()
	sh.last.CompareAndSwap(ts, nil)
}
